import sys

if sys.argv[1:2] == ["--read-child"]:
    # A frozen build on a system without fork reads workbooks in a copy of itself
    # started with this argument (labest_desktop.exchange.guard).
    from labest_desktop.exchange.guard import main as read_child

    raise SystemExit(read_child(sys.argv[2:]))

from labest_desktop.cli import main

raise SystemExit(main())
