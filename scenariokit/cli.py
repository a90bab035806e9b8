"""The kit's one command: `scenariokit SUBCOMMAND`. Each subcommand is a thin wrapper."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import notebooks as nbs
from .check import check_course
from .settings import Settings


def cmd_sync(s: Settings, args) -> int:
    """Rebuild the cells trainees see from each scenario cell, and clean outputs."""
    problems = []
    for path, nb, error in nbs.read_each(s.solution_notebooks() + s.module_notebooks()):
        if error:
            problems.append(error)
            continue
        if path.is_relative_to(s.path("solutions")):
            result = nbs.synced(nb, path)
            problems += result.problems
            nb = result.notebook
        nbs.clean(nb)
        nbs.write(nb, path)
    for p in problems:
        print(p.replace(f"{s.root}/", ""), file=sys.stderr)
    return 1 if problems else 0


def cmd_check(s: Settings, args) -> int:
    """Report every problem in scenarios and modules, naming notebook and cell."""
    problems = check_course(s)
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s) found." if problems else "No problems found.")
    return 1 if problems else 0


def cmd_release(s: Settings, args) -> int:
    """Regenerate exercises/ from solutions/ (and with --exchange, release to trainees)."""
    from .course import generate, release_to_exchange
    if cmd_check(s, args):
        print("Fix the problems above before releasing.", file=sys.stderr)
        return 1
    for a in args.assignment or s.assignments():
        out = generate(s, a)
        print(f"Released {a}: {out.relative_to(s.root)}")
        if args.exchange:
            release_to_exchange(s, a)
            print(f"  {a} is in the exchange; trainees fetch it from the Assignment List.")
    return 0


def cmd_collect(s: Settings, args) -> int:
    """Collect submissions from the exchange."""
    from .course import collect
    collect(s, args.assignment)
    print(f"Collected {args.assignment} into submitted/.")
    return 0


def cmd_autograde(s: Settings, args) -> int:
    """Autograde collected submissions."""
    from .course import autograde, repair_submissions
    for message in repair_submissions(s, args.assignment):
        print("Repaired: " + message)
    autograde(s, args.assignment, args.student)
    print(f"Graded {args.assignment}; written answers wait in the Formgrader (Nbgrader menu).")
    return 0


def cmd_export(s: Settings, args) -> int:
    """Export every grade to a CSV file."""
    from .course import export
    rows = export(s, Path(args.to))
    print(f"Wrote {len(rows)} row(s) to {args.to}.")
    return 0


def cmd_feedback(s: Settings, args) -> int:
    """Generate feedback pages for trainees."""
    from .course import feedback
    out = feedback(s, args.assignment)
    print(f"Feedback is in {out.relative_to(s.root)}/.")
    return 0


def cmd_book(s: Settings, args) -> int:
    """Build the trainee and trainer editions of the course book."""
    from .book import build
    for edition in (["trainee", "trainer"] if args.edition == "both" else [args.edition]):
        html = build(s, edition)
        print(f"{edition} edition: {html / 'index.html'}")
    return 0


def cmd_course(s: Settings, args) -> int:
    """Produce everything: released exercises and both book editions."""
    args.assignment, args.exchange = [], False
    if cmd_release(s, args):
        return 1
    args.edition = "both"
    cmd_book(s, args)
    print("\nOpen the course:\n"
          f"  trainee edition: {s.path('build')}/trainee/_build/html/index.html\n"
          f"  trainer edition: {s.path('build')}/trainer/_build/html/index.html\n"
          "  or serve both: make serve   (then http://127.0.0.1:8000/)\n"
          "  JupyterLab for a session: make lab")
    return 0


def cmd_agenda(s: Settings, args) -> int:
    """Print a learning path's agenda (Markdown), to paste or print."""
    from .paths import agenda_page, load_paths, read_modules
    paths = {p["id"]: p for p in load_paths(s)}
    if args.path not in paths:
        print(f"No path '{args.path}'. Paths: {', '.join(paths)}", file=sys.stderr)
        return 1
    print(agenda_page(paths[args.path], read_modules(s), detailed=not args.participants))
    return 0


def cmd_profile(s: Settings, args) -> int:
    """Start a country profile from the template of standards."""
    from .profiles import new_profile
    try:
        path = new_profile(s, args.code, args.country or args.code)
    except FileExistsError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Wrote {path.relative_to(s.root)}: fill in each provision, then run `scenariokit check`.")
    return 0


def cmd_lab(s: Settings, args) -> int:
    """Start JupyterLab in the course folder for a trainer."""
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ip={args.ip}", f"--port={args.port}",
           f"--ServerApp.root_dir={s.root}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")   # containers and CI run as root
    return subprocess.call(cmd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scenariokit", description=__doc__)
    parser.add_argument("--root", help="the course folder (default: found from the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, fn in [("sync", cmd_sync), ("check", cmd_check), ("release", cmd_release),
                     ("collect", cmd_collect), ("autograde", cmd_autograde), ("export", cmd_export),
                     ("feedback", cmd_feedback), ("book", cmd_book), ("course", cmd_course), ("agenda", cmd_agenda), ("profile", cmd_profile),
                     ("lab", cmd_lab)]:
        p = sub.add_parser(name, help=fn.__doc__.splitlines()[0], description=fn.__doc__)
        p.set_defaults(fn=fn)
        if name == "release":
            p.add_argument("assignment", nargs="*", help="assignments to release (default: all)")
            p.add_argument("--exchange", action="store_true", help="also release to the nbgrader exchange")
        if name in ("collect", "autograde", "feedback"):
            p.add_argument("assignment")
        if name == "autograde":
            p.add_argument("--student", help="grade only this trainee")
        if name == "export":
            p.add_argument("--to", default="grades.csv", help="CSV file to write (default: grades.csv)")
        if name == "book":
            p.add_argument("--edition", choices=["trainee", "trainer", "both"], default="both")
        if name == "agenda":
            p.add_argument("path", help="the path's id (see book/paths.yml)")
            p.add_argument("--participants", action="store_true", help="by module, without the trainer's detail")
        if name == "profile":
            p.add_argument("action", choices=["new"])
            p.add_argument("code", help="a short code for the country, e.g. XK")
            p.add_argument("--country", help="the country's name as it should appear")
        if name == "lab":
            p.add_argument("--ip", default="127.0.0.1")
            p.add_argument("--port", default="8888")
    args = parser.parse_args(argv)
    s = Settings(root=Path(args.root).resolve()) if args.root else Settings()
    from .book import BookError
    from .course import CourseError
    try:
        return args.fn(s, args)
    except (BookError, CourseError) as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
