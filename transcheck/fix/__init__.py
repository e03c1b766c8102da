"""``transcheck fix``: the repairs that need no judgement, planned, shown and written safely.

Two repairs exist:

- **repeated blocks** (what TC101 reports): the later copy is removed, the first kept,
  together with the blank lines that separated it, so the layout stays as it was;
- **quotes** (only when asked for): a quotation whose marks do not belong together
  (``«text”``) or that uses another style than the rest of the document, when the
  document already uses its language's convention, is rewritten in that convention;
  in a language without a settled convention, a mismatched pair takes the style most
  of the document's well-formed quotations use.

A plan is computed from the bytes read; nothing is written unless asked. Writing keeps
the encoding (byte-order mark included), every line's own newline, the presence of a
final newline and the file's permissions, goes through ``transcheck.atomic`` (a temporary file in the same directory and
``os.replace``; never through a symbolic link, into a read-only file or one with
several hard links), and refuses when the file changed after it was read.
"""

from transcheck.fix.plan import FilePlan, FixConflict, fix_paths, plan_file, unified_diff, write

__all__ = ["FilePlan", "FixConflict", "fix_paths", "plan_file", "unified_diff", "write"]
