from mockint.cli import main

raise SystemExit(main())
