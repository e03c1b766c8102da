"""The one kind of error a caller of transcheck handles: what was asked cannot be done.

A bad option or configuration file, an unreadable baseline, a revision git does not
know, an output that may not be written. Its message is one line that names the file
or option; the command line prints it and exits with 2, a library caller catches
``UsageError``. Problems with the checked files themselves are no exception: they are
``model.InputProblem`` records in the report, and the other files are still checked.
"""


class UsageError(ValueError):
    pass
