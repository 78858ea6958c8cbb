"""tools/bootstrap.py passes signals on and reports them as a shell does (issue 12 item 8: it exited 241)."""

from __future__ import annotations

import importlib.util
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BOOTSTRAP = Path(__file__).resolve().parents[2] / "tools" / "bootstrap.py"
spec = importlib.util.spec_from_file_location("bootstrap", BOOTSTRAP)
assert spec is not None and spec.loader is not None
bootstrap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bootstrap)


def test_a_child_killed_by_sigterm_gives_143() -> None:
    killed = [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"]
    assert bootstrap.run_child(killed) == 143
    assert bootstrap.run_child([sys.executable, "-c", "raise SystemExit(3)"]) == 3


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_to_the_bootstrap_stops_its_child_and_exits_143(tmp_path: Path) -> None:
    marker = tmp_path / "child.pid"
    child = f"import os, time; open({str(marker)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    script = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('bootstrap', {str(BOOTSTRAP)!r})\n"
        "b = importlib.util.module_from_spec(spec); spec.loader.exec_module(b)\n"
        f"sys.exit(b.run_child([sys.executable, '-c', {child!r}]))\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while not (marker.exists() and marker.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    child_pid = int(marker.read_text())
    parent.send_signal(signal.SIGTERM)
    assert parent.wait(timeout=30) == 143
    deadline = time.monotonic() + 10
    while Path(f"/proc/{child_pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{child_pid}").exists(), "the child outlived the bootstrap"
