from labest_desktop.cli import main

raise SystemExit(main())
