(function(){
'use strict';
// The index (languages, rules, pages with their states and counts) is data; a page is
// HTML made and escaped by transcheck, put in place when it is opened. Text from the
// index goes into the page as text (textContent), never as markup.
var RANK={info:1,warning:2,error:3},NAME=['','info','warning','error'];
var D=JSON.parse(document.getElementById('transcheck-index').textContent);
var LANGS=D.languages.map(function(l){return /^[A-Za-z0-9-]+$/.test(l.code)?l.code:'und';});
var STATE={s:'source',u:'up to date',o:'outdated',m:'missing',p:'present','-':'no document'};
var S={ref:null,lang:null,page:-1,scope:null,query:'',limit:200};
var boxes=[].slice.call(document.querySelectorAll('#filters input[data-filter]'));
var only=document.getElementById('only-flagged'),full=document.getElementById('full-text');
var refSel=document.getElementById('ref'),langSel=document.getElementById('lang');
var view=document.getElementById('view'),aside=document.getElementById('pages');
var columns=document.createElement('style');document.head.appendChild(columns);
var F={sev:{},rule:{}},meta={},cache={},waiting={},list=null;

function el(tag,cls,text){var e=document.createElement(tag);if(cls)e.className=cls;if(text!=null)e.textContent=text;return e;}
function filters(){F={sev:{},rule:{}};boxes.forEach(function(b){if(b.checked)F[b.dataset.filter][b.value]=1;});}
// Counts of one page under the filters: [error, warning, info] for language index li (-1: all).
function counts(p,li){
  var t=p[3],c=[0,0,0];
  for(var k=0;k<t.length;k+=4){
    if((li<0||t[k+2]===li)&&F.rule[D.rules[t[k]][0]]&&F.sev[D.severities[t[k+1]]])c[t[k+1]]+=t[k+3];
  }
  return c;
}
function total(c){return c[0]+c[1]+c[2];}

// ---- languages: the reference and the language under review
function defaults(){
  // Per language: findings by severity, and pages.
  var per=LANGS.map(function(){return [0,0,0];}),pages=LANGS.map(function(){return 0;});
  D.pages.forEach(function(p){
    var t=p[3];for(var k=0;k<t.length;k+=4)per[t[k+2]][t[k+1]]+=t[k+3];
    for(var i=0;i<LANGS.length;i++)if('sup'.indexOf(p[2][i])>=0)pages[i]++;
  });
  function more(a,b){for(var k=0;k<3;k++)if(a[k]!==b[k])return a[k]>b[k];return false;}
  // The reference: the source, else English, else the language with the most pages
  // and, of those, the fewest findings.
  var ref=LANGS.indexOf(D.source)>=0?LANGS.indexOf(D.source):LANGS.indexOf('en');
  if(ref<0)LANGS.forEach(function(c,i){if(ref<0||pages[i]>pages[ref]||(pages[i]===pages[ref]&&more(per[ref],per[i])))ref=i;});
  S.ref=LANGS[ref];
  // Under review first: the language with the most errors (then warnings, then info).
  var best=null;
  LANGS.forEach(function(c,i){if(c!==S.ref&&(best===null||more(per[i],per[best])))best=i;});
  S.lang=best===null?S.ref:LANGS[best];
  D.languages.forEach(function(l,i){
    if(i>=LANGS.length)return;
    var n=total(per[i]),label=l.code+' \u2014 '+l.name+(l.code===D.source?' (source)':'')+(n?' \u00b7 '+n:'');
    var o1=el('option',null,label),o2=el('option',null,label);o1.value=o2.value=l.code;
    refSel.appendChild(o1);langSel.appendChild(o2);
  });
}
function columnsFor(){
  // Codes are tags of letters, digits and '-' (checked above): safe in a selector.
  var r='[data-l="'+S.ref+'"]',l='[data-l="'+S.lang+'"]';
  columns.textContent='.row>.c'+r+'{display:block;grid-column:2}'+(S.lang!==S.ref?'.row>.c'+l+'{display:block;grid-column:3}':'')+
    '.peers>.c'+r+',.peers>.c'+l+'{display:none}';
  refSel.value=S.ref;langSel.value=S.lang;
}

// ---- where we are: #g=<page>&r=<row>&ref=<lang>&lang=<lang>
function parse(){
  var o={};location.hash.slice(1).split('&').forEach(function(kv){var i=kv.indexOf('=');if(i>0)o[kv.slice(0,i)]=decodeURIComponent(kv.slice(i+1));});
  return o;
}
function hash(page,row){return '#g='+(page+1)+(row?'&r='+row:'')+'&ref='+S.ref+'&lang='+S.lang;}
function route(){
  var h=parse();
  if(LANGS.indexOf(h.ref)>=0)S.ref=h.ref;
  if(LANGS.indexOf(h.lang)>=0)S.lang=h.lang;
  if(S.lang===S.ref&&LANGS.length>1)S.lang=LANGS[LANGS[0]===S.ref?1:0];
  columnsFor();
  var g=h.g?parseInt(h.g,10)-1:S.page,r=parseInt(h.r||'0',10)||0;
  if(!(g>=0&&g<D.pages.length))g=first();
  history.replaceState(null,'',hash(g,r));
  if(g!==S.page)open(g,r);else{apply();if(r)toRow(r);}
  drawList();
}
function first(){
  for(var i=0;i<D.pages.length;i++)if(total(counts(D.pages[i],LANGS.indexOf(S.lang)))>0)return i;
  return D.pages.length?0:-1;
}

// ---- pages: in this file (script elements of type text/html) or one script file each beside it
window.transcheckPage=function(id,html){cache[id]=html;var w=waiting[id]||[];delete waiting[id];w.forEach(function(f){f(html);});};
function load(i,done,fail){
  var id=D.pages[i][1];
  if(id in cache)return done(cache[id]);
  if(!D.directory){var s=document.getElementById('page-'+id);return s?done(cache[id]=s.textContent):fail();}
  if(waiting[id]){waiting[id].push(done);return;}
  waiting[id]=[done];
  var tag=document.createElement('script');tag.src=D.directory+id+'.js';
  tag.onload=function(){tag.remove();};
  tag.onerror=function(){tag.remove();delete waiting[id];fail();};
  document.head.appendChild(tag);
}
function open(i,row){
  S.page=i;
  if(i<0){view.textContent='';view.appendChild(el('p','empty','No pages.'));return ready();}
  load(i,function(html){
    if(S.page!==i)return;
    view.innerHTML=html;  // transcheck's own HTML, every text in it escaped
    meta={};view.querySelectorAll('tr.fx').forEach(function(tr){meta[tr.dataset.f]=tr.dataset;});
    apply();
    if(row)toRow(row);else window.scrollTo(0,0);
    drawList();ready();
  },function(){
    if(S.page!==i)return;
    view.textContent='';
    view.appendChild(el('p','banner warn','The page '+D.pages[i][0]+' could not be loaded from '+D.directory+D.pages[i][1]+
      '.js: keep the folder '+decodeURIComponent(D.directory)+' beside this report.'));
    ready();
  });
}
function ready(){if(!document.documentElement.dataset.ready){document.documentElement.dataset.ready=String(Math.round(performance.now()));}}
function toRow(r){
  var row=document.getElementById('r'+r);if(!row)return;
  view.querySelectorAll('.row.target').forEach(function(x){x.classList.remove('target');});
  row.classList.add('target');row.hidden=false;row.scrollIntoView({block:'start'});
}

// ---- the open page under the filters: what is shown, what is flagged
function shown(id){var m=meta[id];return !!m&&!!F.sev[m.sev]&&!!F.rule[m.rule];}
function worst(e){var w=0;(e.dataset.f||'').split(' ').forEach(function(id){if(id&&shown(id))w=Math.max(w,RANK[meta[id].sev]);});return w;}
function apply(){
  var page=view.querySelector('.page');if(!page)return;
  document.body.classList.toggle('clamp',!full.checked);
  view.querySelectorAll('.fx').forEach(function(e){e.hidden=!shown(e.dataset.f);});
  view.querySelectorAll('.c[data-f],.s[data-f]').forEach(function(e){var w=worst(e);if(w)e.dataset.flag=NAME[w];else e.removeAttribute('data-flag');});
  view.querySelectorAll('.row:not(.head)').forEach(function(row){
    var mine=false,peer=0;
    if(row.dataset.f)row.querySelectorAll(':scope>.c[data-flag]').forEach(function(c){
      if(c.dataset.l===S.ref||c.dataset.l===S.lang)mine=true;else peer=Math.max(peer,RANK[c.dataset.flag]);
    });
    if(peer)row.dataset.peer=NAME[peer];else row.removeAttribute('data-peer');
    row.classList.toggle('mine',mine);
    row.hidden=only.checked&&!mine;
  });
  var langs=(page.dataset.langs||'').split(' '),gone=view.querySelector('.absent');
  if(gone)gone.remove();
  var lacking=[S.ref,S.lang].filter(function(l,k){return langs.indexOf(l)<0&&(k===0||l!==S.ref);});
  if(lacking.length){
    var states=D.pages[S.page][2];
    var note=el('p','banner absent',lacking.map(function(l){return l+': '+(STATE[states[LANGS.indexOf(l)]]||'no document');}).join('; ')+
      ' \u2014 this page has no document in '+lacking.join(' or ')+'; pick another language, or open a row\u2019s other languages (\u22ef).');
    page.insertBefore(note,page.querySelector('.grid'));
  }
}
function peers(row){
  var open=!row.classList.contains('open'),box=row.querySelector(':scope>.peers');
  row.classList.toggle('open',open);row.querySelector('.more').setAttribute('aria-expanded',String(open));
  if(!open){if(box)box.remove();return;}
  box=el('div','peers');
  row.querySelectorAll(':scope>.c').forEach(function(c){box.appendChild(c.cloneNode(true));});
  row.appendChild(box);
}

// ---- the list of pages
function drawList(){
  if(D.pages.length<2){aside.hidden=true;return;}
  aside.hidden=false;
  if(!list){
    var head=el('div','pl-head'),q=el('input');q.type='search';q.placeholder='Filter pages by name';q.setAttribute('aria-label','Filter pages by name');
    var scope=el('select');scope.setAttribute('aria-label','Which pages');
    ['lang','any','behind','all'].forEach(function(v){var o=el('option');o.value=v;scope.appendChild(o);});
    var count=el('div','pl-count'),ol=el('ol','pl'),more=el('button','more-pages','Show more');
    head.appendChild(q);head.appendChild(scope);head.appendChild(count);
    aside.appendChild(head);aside.appendChild(ol);aside.appendChild(more);
    q.addEventListener('input',function(){S.query=q.value.toLowerCase();S.limit=200;drawList();});
    scope.addEventListener('change',function(){S.scope=scope.value;S.limit=200;drawList();});
    more.addEventListener('click',function(){S.limit+=500;drawList();});
    list={scope:scope,count:count,ol:ol,more:more};
    // First the pages with findings in the language under review, else those it lacks or is behind on.
    if(!S.scope){
      var li=LANGS.indexOf(S.lang);
      S.scope=D.pages.some(function(p){return total(counts(p,li))>0;})?'lang':D.pages.some(function(p){return 'om'.indexOf(p[2][li])>=0;})?'behind':'all';
    }
  }
  var li=LANGS.indexOf(S.lang),o=list.scope.options;
  o[0].textContent='pages with findings in '+S.lang;o[1].textContent='pages with findings';
  o[2].textContent='pages '+S.lang+' lacks or is behind on';o[3].textContent='all pages';
  list.scope.value=S.scope;
  var frag=document.createDocumentFragment(),n=0;
  for(var i=0;i<D.pages.length;i++){
    var p=D.pages[i],mine=counts(p,li),any=S.scope==='any'?counts(p,-1):null;
    if(S.scope==='lang'&&!total(mine))continue;
    if(S.scope==='any'&&!total(any))continue;
    if(S.scope==='behind'&&!(p[2][li]==='o'||p[2][li]==='m'))continue;
    if(S.query&&p[0].toLowerCase().indexOf(S.query)<0)continue;
    if(++n>S.limit)continue;
    var a=el('a',i===S.page?'cur':null);a.href=hash(i,0);a.title=p[0];
    var name=el('span','pn'),b=el('bdi',null,p[0]);name.appendChild(b);a.appendChild(name);
    var st=p[2][li];if(st==='o'||st==='m')a.appendChild(el('span','st-'+st,STATE[st]));
    mine.forEach(function(c,k){if(c)a.appendChild(el('span','tally sev-'+D.severities[k],String(c)));});
    var item=el('li');item.appendChild(a);frag.appendChild(item);
  }
  list.ol.textContent='';list.ol.appendChild(frag);
  list.count.textContent=n+' of '+D.pages.length+' pages';
  list.more.hidden=n<=S.limit;
}

// ---- events
function changed(){filters();apply();drawList();}
boxes.concat([only,full]).forEach(function(b){b.addEventListener('change',changed);});
refSel.addEventListener('change',function(){var old=S.ref;S.ref=refSel.value;if(S.lang===S.ref)S.lang=old;location.hash=hash(S.page,0);});
langSel.addEventListener('change',function(){var old=S.lang;S.lang=langSel.value;if(S.lang===S.ref)S.ref=old;location.hash=hash(S.page,0);});
view.addEventListener('click',function(ev){
  var t=ev.target;
  if(t.closest('.more'))return peers(t.closest('.row'));
  var a=t.closest('a[href^="#r="]');
  if(a){
    ev.preventDefault();
    var tr=a.closest('tr.fx'),lang=tr&&tr.dataset.lang;
    if(lang&&lang!==S.ref&&lang!==S.lang&&LANGS.indexOf(lang)>=0)S.lang=lang;
    location.hash=hash(S.page,parseInt(a.getAttribute('href').slice(3),10));
    return;
  }
  var s=t.closest('.s');if(s&&!full.checked)s.classList.toggle('open');
});
window.addEventListener('hashchange',route);
// j and k: the next and the previous row with a finding in the compared languages.
document.addEventListener('keydown',function(ev){
  if((ev.key!=='j'&&ev.key!=='k')||ev.ctrlKey||ev.metaKey||ev.altKey||ev.target.closest('input,select,textarea'))return;
  var rows=[].slice.call(view.querySelectorAll('.row.mine')),cur=view.querySelector('.row.target'),at=rows.indexOf(cur);
  if(at<0&&cur)at=rows.filter(function(r){return r.compareDocumentPosition(cur)&Node.DOCUMENT_POSITION_FOLLOWING;}).length-(ev.key==='j'?1:0);
  var next=rows[ev.key==='j'?at+1:(at<0?rows.length:at)-1];
  if(next)location.hash=hash(S.page,parseInt(next.id.slice(1),10));
});
// The page's header row sticks below the filter bar, whose height depends on the window.
function sticky(){document.documentElement.style.setProperty('--sticky',document.getElementById('filters').offsetHeight+'px');}
window.addEventListener('resize',sticky);sticky();
filters();defaults();route();
})();
