"""One module per CLI subcommand: ``HELP``, ``add_arguments(parser)``, ``run(args) -> int``.

Keep top-level imports light (argparse, typing): heavy imports go inside ``run``.
"""
