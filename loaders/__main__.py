"""`python -m loaders parse|ingest …`: see loaders/cli.py."""
import sys

from loaders.cli import main
from loaders.cli_text import quiet_broken_pipe

sys.exit(quiet_broken_pipe(main))
