"""Every decision about findings, made here and nowhere else: the configuration, which
rules run (``select``), each finding's severity and whether it is shown (``judge``:
overrides, suppressions, the baseline, the ``--changed-since`` scope), and the exit
code (``exit``)."""
