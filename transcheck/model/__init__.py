"""The records that flow through transcheck: documents, segments, aligned rows,
findings (``records``), and a run's results and report (``results``).

Everything here is plain data. Checks create findings; formatters read them. Nothing
in this package knows how a finding is displayed.
"""

from transcheck.model.records import (  # noqa: F401
    Severity,
    Strength,
    Category,
    Kind,
    Segment,
    base_language,
    Document,
    DocumentInfo,
    LanguageGuess,
    Row,
    Location,
    Finding,
    InputProblem,
)
from transcheck.model.results import (  # noqa: F401
    SOURCE,
    UP_TO_DATE,
    OUTDATED,
    MISSING,
    PRESENT,
    PageStatus,
    GroupResult,
    SuppressedFinding,
    ChangedSegment,
    finding_order,
    Report,
)
