from nlp.cli import main

raise SystemExit(main())
