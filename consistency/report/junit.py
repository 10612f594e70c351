"""JUnit XML for CI test views (GitLab, Jenkins, Azure): an article set is a test suite, a version file a test case.

A version's test case fails when one of its flags reaches ``fail_on`` and is not
waived; the failure lists those findings, one ``path:line:col: kind severity message``
line each. Findings below the threshold and waived ones (with their reasons) go to
the case's ``system-out``, so nothing is hidden and nothing nags.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Sequence

from ..types import Flag, Report
from . import RENDERERS
from ._gate import Named, blocking, display_path, location, set_name


def finding_line(path: str, flag: Flag) -> str:
    """``path:line:col: kind severity message``: the hook's line for one finding."""
    loc = location(flag)
    return f"{path}:{loc.line}:{loc.column}: {flag.kind} {flag.severity} {flag.message}"


def _suite(name: str, report: Report) -> ET.Element:
    fail_on = report.signature.fail_on
    suite = ET.Element("testsuite", name=name)
    props = ET.SubElement(suite, "properties")
    for key, value in (("model", report.model_name), ("fail_on", fail_on), ("verdict", report.summary.verdict),
                       ("signature", report.signature.text())):
        ET.SubElement(props, "property", name=key, value=value)
    failures = 0
    for v in report.versions:
        path = display_path(v.source)
        flags = [f for f in report.flags if f.version == v.id]
        case = ET.SubElement(suite, "testcase", classname=f"consistency.{name.replace('/', '.')}",
                             name=f"{v.id}: {path}", file=path)
        case.set("time", "0")
        bad = [f for f in flags if blocking(f, fail_on)]
        if bad:
            failures += 1
            fail = ET.SubElement(case, "failure", type=bad[0].kind,
                                 message=f"{len(bad)} finding(s) at or above {fail_on} in {path}")
            fail.text = "\n".join(finding_line(path, f) for f in bad)
        rest = [f for f in flags if not blocking(f, fail_on)]
        if rest:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(finding_line(path, f) + (f" [waived: {f.waived.reason}; {f.waived.where}]"
                                                          if f.waived else "") for f in rest)
    suite.set("tests", str(len(report.versions)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", f"{report.timings.get('total', 0.0):.3f}")
    return suite


def render_many(reports: Sequence[Named]) -> str:
    """One JUnit document with a test suite per article set."""
    root = ET.Element("testsuites", name="consistency")
    suites = [_suite(name, r) for name, r in reports]
    root.extend(suites)
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in suites)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in suites)))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


@RENDERERS.register("junit")
def render_junit(report: Report) -> str:
    return render_many([(set_name(report), report)])
