"""Bad input: one clear line naming the file and what to do, exit 2, no report file left behind."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import main

IT = "Il comune ha approvato il nuovo piano per le biciclette. I lavori inizieranno a marzo.\n"
DE = "Die Gemeinde hat den neuen Fahrradplan genehmigt. Die Arbeiten beginnen im März.\n"
FI = "Kunta hyväksyi uuden pyöräilysuunnitelman. Työt alkavat maaliskuussa ja kestävät kaksi vuotta.\n"


def _write(folder: Path, name: str, data: bytes | str) -> str:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


CASES = [
    # name, files to create {name: content}, argv builder, words the message must contain
    ("missing file", {"it.txt": IT}, lambda d: [f"{d}/it.txt", f"{d}/de.txt"], ["de.txt", "no such file"]),
    ("empty file", {"it.txt": IT, "de.txt": "  \n\n"}, lambda d: [f"{d}/it.txt", f"{d}/de.txt"], ["de.txt", "empty"]),
    # not UTF-8, and no legacy encoding reads it as text either (a Latin-1 file would be detected and read)
    ("not utf-8", {"it.txt": IT, "de.txt": DE.encode("latin-1") + bytes(range(0x80, 0x100)) * 3},
     lambda d: [f"{d}/it.txt", f"{d}/de.txt"], ["de.txt", "UTF-8"]),
    ("binary", {"it.txt": IT, "de.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, lambda d: [f"{d}/it.txt", f"{d}/de.txt"],
     ["de.txt", "binary"]),
    ("one version", {"it.txt": IT}, lambda d: [f"{d}/it.txt"], ["it.txt", "two or more"]),
    ("same id twice", {"it.txt": IT, "a.it.txt": IT}, lambda d: [f"{d}/it.txt", f"{d}/a.it.txt"],
     ["a.it.txt", "unique id"]),
    ("uncovered language", {"it.txt": IT, "fi.txt": FI}, lambda d: [f"{d}/it.txt", f"{d}/fi.txt", "--model", "use-m"],
     ["fi.txt", "'fi'", "not covered", "--model e5-small"]),
    ("a folder", {"it.txt": IT}, lambda d: [f"{d}/it.txt", str(d)], ["folder"]),
    ("bad --lang", {"it.txt": IT, "de.txt": DE}, lambda d: [f"{d}/it.txt", f"{d}/de.txt", "--lang", "de"], ["ID=CODE"]),
    ("unknown model", {"it.txt": IT, "de.txt": DE}, lambda d: [f"{d}/it.txt", f"{d}/de.txt", "--model", "nope"],
     ["unknown model", "use-m"]),
]


@pytest.mark.parametrize("name,files,argv,words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_exit_2_clear_message_nothing_written(tmp_path, capsys, name, files, argv, words):
    for fname, content in files.items():
        _write(tmp_path, fname, content)
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    code = main(["check", *argv(tmp_path), "--format", "json", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert list(out.parent.iterdir()) == []


def test_console_script_prints_no_traceback(tmp_path):
    """The installed command, as a user runs it."""
    it = _write(tmp_path, "it.txt", IT)
    exe = Path(sys.executable).with_name("consistency")
    proc = subprocess.run([str(exe), "check", it, str(tmp_path / "missing.de.txt")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "missing.de.txt: no such file" in proc.stderr


def test_two_clean_versions_pass(tmp_path, capsys):
    it = _write(tmp_path, "it.txt", IT)
    de = _write(tmp_path, "de.txt", DE)
    out = tmp_path / "r.json"
    assert main(["check", it, de, "--format", "json", "-o", str(out)]) == 0
    assert out.is_file()
