"""The hostile-input sweep's parts (bench/hostile_sweep.py runs them; tests/test_hostile.py
and tests/test_kill.py run the fast part). One module per job: the inputs, the archives, the
case list, the misbehaving server, running and checking, kills and concurrency."""
from .cases import Fixtures, generate, _pair
from .checks import CATEGORIES, Outcome, check, run_subprocess, snapshot, sweep
from .inputs import ERR, GLOSSARY_TEXT, OK, SRC_LINES, TGT_LINES, Case, _w
from .kills import concurrency_test, kill_test
from .server import start_server

__all__ = ["CATEGORIES", "ERR", "GLOSSARY_TEXT", "OK", "SRC_LINES", "TGT_LINES", "Case", "Fixtures", "Outcome",
           "_pair", "_w", "check", "concurrency_test", "generate", "kill_test", "run_subprocess", "snapshot",
           "start_server", "sweep"]
