"""The rules of one large group in several processes.

A run over many groups checks groups side by side (``runner``); a run over one large
document (a long README in thirty languages) has one group, and its rules then take
turns on the same view. With ``--jobs`` above one and a group of LARGE segments or
more, the view is built (read, aligned, languages identified) once, and forked worker
processes, which inherit it, each run some of the rules; the findings are put back in
rule order, so the report is the one a single process makes.
"""

from __future__ import annotations

LARGE = 5_000  # segments in a group, all documents together

# What forked workers inherit: the view, the rules and the settings of the group.
_SHARED: tuple = ()


def worth_it(view, jobs: int) -> bool:
    import multiprocessing

    return (jobs > 1 and sum(len(d.segments) for d in view.documents.values()) >= LARGE
            and "fork" in multiprocessing.get_all_start_methods())


def run_rules(rules, view, settings, jobs: int, stage=None) -> list:
    """Per rule, in ``rules`` order, what ``runner.run_rule`` returns for it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    _ = view.row_of
    _SHARED = (rules, view, settings)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            # The languages of every segment, document by document, before the rules
            # (which each read them) are sent to workers that inherit them.
            guesses = view.guesses
            if hasattr(guesses, "preset"):
                parts = pool.map(_identify, range(guesses.count))
                guesses.preset({k: v for part in parts for k, v in part.items()})
                if stage is not None:
                    stage(f"{view.name}: languages identified", 1, 1)
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = [pool.submit(_one, index) for index in range(len(rules))]
            out = []
            for done, (rule, future) in enumerate(zip(rules, futures), start=1):
                out.append(future.result())
                if stage is not None:
                    stage(f"{view.name}: rules", done, len(rules))
            return out
    finally:
        _SHARED = ()


def _identify(index: int):
    return _SHARED[1].guesses.of_document(index)


def _one(index: int):
    rules, view, settings = _SHARED
    return run_rule(rules[index], view, settings)


def run_rule(rule, view, settings):
    """One rule's findings and None, or no findings and the one-line problem: a rule
    that fails on some input costs its own findings for this group, one line and exit
    code 2, not the whole report; with --debug (``TRANSCHECK_DEBUG``) the exception
    propagates."""
    import os

    from transcheck.model import InputProblem

    try:
        return list(rule.check(view, rule.options(settings.thresholds))), None
    except Exception as exc:
        if os.environ.get("TRANSCHECK_DEBUG"):
            raise
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        return [], InputProblem(
            view.name,
            f"internal error in {rule.code} {rule.name}: {detail}; "
            "its findings for this group are missing; rerun with --debug",
        )
