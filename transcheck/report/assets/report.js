
(function(){
var RANK={info:1,warning:2,error:3},NAME=['','info','warning','error'];
var meta={};
document.querySelectorAll('table.list tr.fx').forEach(function(tr){meta[tr.dataset.f]=tr.dataset;});
var boxes=[].slice.call(document.querySelectorAll('#filters input[data-filter]'));
var only=document.getElementById('only-flagged'),full=document.getElementById('full-text');
function apply(){
  var on={sev:{},rule:{},lang:{}};
  boxes.forEach(function(b){if(b.checked)on[b.dataset.filter][b.value]=1;});
  function shown(id){var m=meta[id];return !!m&&on.sev[m.sev]&&on.rule[m.rule]&&on.lang[m.lang];}
  function worst(el){var w=0;(el.dataset.f||'').split(' ').forEach(function(id){if(id&&shown(id))w=Math.max(w,RANK[meta[id].sev]);});return w;}
  document.querySelectorAll('.fx').forEach(function(el){el.hidden=!shown(el.dataset.f);});
  document.querySelectorAll('td.cell[data-f],.seg[data-f]').forEach(function(el){var w=worst(el);if(w)el.dataset.flag=NAME[w];else el.removeAttribute('data-flag');});
  var cls=[];boxes.forEach(function(b){if(b.dataset.filter==='lang'&&!b.checked)cls.push('hide-'+b.value);});
  document.body.className=cls.join(' ')+(full.checked?'':' clamp');
  document.querySelectorAll('table.align tbody tr').forEach(function(tr){
    var flagged=false;
    tr.querySelectorAll('td.cell[data-flag]').forEach(function(td){if(on.lang[td.dataset.col])flagged=true;});
    tr.hidden=only.checked&&!flagged;
  });
}
boxes.concat([only,full]).forEach(function(b){b.addEventListener('change',apply);});
// The table header sticks below the filter bar, whose height depends on the window.
function sticky(){document.documentElement.style.setProperty('--sticky',document.getElementById('filters').offsetHeight+'px');}
window.addEventListener('resize',sticky);sticky();
document.addEventListener('click',function(ev){var t=ev.target.closest&&ev.target.closest('.seg .txt');if(t&&!full.checked)t.parentNode.classList.toggle('open');});
apply();
})();
