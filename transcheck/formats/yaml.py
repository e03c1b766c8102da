"""YAML message catalogues (Rails ``config/locales/*.yml`` and the like), read with
PyYAML's safe composer (libyaml's when installed), whose nodes carry their lines.

Every string scalar is a message, named by its path (``activerecord.errors.blank``;
sequence items ``days:0``). A document that is one mapping under a language code
(Rails' ``en:``/``de:``) is read below it, so the keys of every language align. A
mapping of CLDR plural categories with ``other`` among them (Rails' ``one:``/
``other:``) is one message's plural variants (``items[one]``). An anchor's content is
read where it is written and not again through its aliases: a file of aliases of
aliases would otherwise cost far more than its length.
"""

from __future__ import annotations

from transcheck.formats import FileFormat, FormatError
from transcheck.formats.keyed import CATEGORIES, MAX_DEPTH, resolve_links, value_segment
from transcheck.model import Segment


def _compose(text: str):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise FormatError(f"not valid YAML: {where}{getattr(exc, 'problem', None) or exc}") from None


def segment(lines: list[str]) -> tuple[Segment, ...]:
    from yaml import MappingNode, ScalarNode, SequenceNode

    from transcheck.read.languages import normalise_tag

    root = _compose("\n".join(lines))
    if root is None:
        return ()
    if (isinstance(root, MappingNode) and len(root.value) == 1
            and isinstance(root.value[0][0], ScalarNode)
            and normalise_tag(str(root.value[0][0].value)) is not None):
        root = root.value[0][1]
    out: list[Segment] = []
    seen: set[int] = set()
    stack = [((), root)]
    while stack:
        path, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise FormatError(f"line {node.start_mark.line + 1}: nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, ScalarNode):
            if node.tag.endswith(":str") and path:
                name = "".join(p if p.startswith(("[", ":")) or n == 0 else "." + p for n, p in enumerate(path))
                out.append(value_segment(0, node.start_mark.line + 1, node.end_mark.line + 1, name, node.value))
            continue
        if isinstance(node, SequenceNode):
            children = [(path + (f":{n}",), child) for n, child in enumerate(node.value)]
        elif isinstance(node, MappingNode):
            keys = [str(k.value) for k, _ in node.value]
            plural = ("other" in keys and set(keys) <= set(CATEGORIES) and path
                      and all(isinstance(v, ScalarNode) for _, v in node.value))
            children = [(path + ((f"[{k}]",) if plural else (k,)), v) for k, (_, v) in zip(keys, node.value)]
        else:
            continue
        stack.extend(reversed(children))
    out.sort(key=lambda s: s.line)
    linked = resolve_links({s.key: s.raw for s in reversed(out)})
    return tuple(value_segment(i, s.line, s.end_line, s.key, linked.get(s.key, s.raw)) for i, s in enumerate(out))


FORMAT = FileFormat(name="yaml", mime_type="application/yaml", segment=segment,
                    comment=("#", ""), keyed=True)
