import sys

if sys.argv[1:2] == ["--read-child"]:
    # A frozen build on a system without fork reads workbooks in a copy of itself
    # started with this argument (labest_desktop.exchange.guard).
    from labest_desktop.exchange.guard import main as read_child

    raise SystemExit(read_child(sys.argv[2:]))

if sys.argv[1:2] == ["--import-helper"]:
    # A large import works out its updates ahead of its writes in a copy of the
    # application started with this argument (labest_desktop.services.import_helper).
    from labest_desktop.services.import_helper import main as import_helper

    raise SystemExit(import_helper())

from labest_desktop.cli import main

raise SystemExit(main())
