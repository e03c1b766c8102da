"""What a run is asked to do: the project's configuration file (``file``), the rules it
selects (``select``), and the plan that merges both with the caller's options
(``plan``). Nothing here looks at a finding; that is ``decide``'s."""
