"""Command line: a thin layer over plain functions.

Bad input gets one line on stderr naming the file and exit code 2; an
unexpected internal error gets a short message and exit code 1 (`--debug`
shows the traceback).
"""

from __future__ import annotations

import argparse
import errno
import gc
import getpass
import json
import logging
import os
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from nlp import __version__
from nlp.batch import store
from nlp.batch.query import export_tasks, plot, search, search_count, stats, stats_table
from nlp.batch.run import run_batch
from nlp.budget import MAX_CHARS, MAX_INPUT_BYTES, MAX_WORKER_MEMORY, TIMEOUT, MiB, time_budget
from nlp.classify import load_model, train_and_save
from nlp.errors import InputError, NlpError, OutputError
from nlp.evaluate import evaluate_files, format_report
from nlp.export.inert import for_terminal, one_line
from nlp.export.matrix import to_html as matrix_html
from nlp.export.matrix import to_xlsx as matrix_xlsx
from nlp.export.report import to_html as report_html
from nlp.export.tasks import WRITERS, to_csv
from nlp.export.text_out import summary
from nlp.gold import default_gold_files
from nlp.ingest import read_document
from nlp.match.compare import COMPARED_STAGES, compare
from nlp.match.compare import summary as compare_summary
from nlp.pipeline import analyze_document
from nlp.segment.tokens import tokenizer
from nlp.serialize import dumps, to_data
from nlp.serve.security import is_loopback, new_token
from nlp.types import Options

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2
# errors of the system that are the user's to fix: a full disk, no permission, a read-only folder
USER_OS_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR,
                  errno.EISDIR, errno.EFBIG, errno.ENAMETOOLONG}
# the file suffixes each output format is written under (a file name without a suffix is taken as it is)
SUFFIXES = {"json": (".json", ".jsonl", ".ndjson"), "text": (".txt", ".text", ".md"), "html": (".html", ".htm"),
            "xlsx": (".xlsx",), "plot": (".png", ".svg", ".pdf"), "tasks": tuple(WRITERS)}
FORMAT_OF_SUFFIX = {s: fmt for fmt in ("json", "text", "html", "xlsx") for s in SUFFIXES[fmt]}


def _check_output(output: str | None, fmt: str, option: str = "-o") -> None:
    """Refuse, before any work is done, an output whose suffix is not one of format `fmt` (JSON into x.pdf) or
    that cannot be written (a folder, or a place where no file can be created)."""
    if output is None or output == "-":
        return
    target = Path(output)
    suffix = target.suffix.lower()
    allowed = SUFFIXES[fmt]
    if suffix and suffix not in allowed:
        other = FORMAT_OF_SUFFIX.get(suffix)
        hint = f", or --format {other}" if other and option == "-o" and fmt != "xlsx" else ""
        raise OutputError(output, f"{option} {suffix} does not match the {fmt} output",
                          f"name the file {' or '.join(allowed)}{hint}")
    if target.is_dir():
        raise OutputError(output, f"{option} is a folder", "give the name of a file to write")
    folder = next((p for p in (target.parent, *target.parent.parents) if p.exists()), Path("."))
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(output, f"{option} cannot be written: {folder} is not a folder you can write to",
                          "choose another place")


@contextmanager
def _writing(output: str | Path) -> Iterator[None]:
    """Turn a failure to write `output` (no such place, no permission, disk full) into one line and exit 2."""
    try:
        yield
    except OSError as exc:
        raise OutputError(str(output), f"cannot be written ({exc.strerror or exc})",
                          "choose a folder you can write to") from exc


def _write_output(text: str | bytes, output: str | None) -> None:
    """Write to stdout, or atomically to `output` so that a failure (a full disk) never leaves half a file or a
    temporary one behind."""
    if output is None or output == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    with _writing(output):
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(text.encode("utf-8") if isinstance(text, str) else text)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; a result file is an ordinary file
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _options(args: argparse.Namespace, **more: Any) -> Options:
    return Options(max_bytes=args.max_bytes, max_chars=args.max_chars, timeout=args.timeout or None, **more)


def _analyze(path: str, options: Options, stages: frozenset[str] | None = None) -> Any:
    """Analyse one file within its time budget (only `stages`, when given: see `analyze_document`); the
    dictionary is loaded only once a file was read, so that a refused file is refused at once."""
    started = time.monotonic()
    with time_budget(options.timeout, path):
        document = read_document(path, options.max_bytes, options.max_chars)
    _prepare()  # the dictionary and the model, once per process: not this document's time
    left = options.timeout - (time.monotonic() - started) if options.timeout else None
    with time_budget(max(left, 0.01) if left is not None else None, path, options.timeout):
        return analyze_document(document, options, stages)


def cmd_analyze(args: argparse.Namespace) -> int:
    _check_output(args.output, args.format)
    options = _options(args, use_model=not args.no_model)
    outputs: list[str] = []
    failed = 0
    single = len(args.files) == 1
    for path in _progress(args.files, "analysing"):
        try:
            analysis = _analyze(path, options)
        except InputError as exc:
            _error(str(exc))
            failed += 1
            continue
        if args.format == "json":
            outputs.append(dumps(analysis, indent=2 if single else None) + "\n")
        else:
            outputs.append(for_terminal(summary(analysis)))
    if outputs:
        _write_output(("\n" if args.format == "text" else "").join(outputs), args.output)
    return EXIT_INPUT if failed else EXIT_OK


def cmd_tasks(args: argparse.Namespace) -> int:
    suffix = Path(args.output).suffix.lower() if args.output else ".csv"
    if suffix not in WRITERS:
        _error(f"{args.output}: unsupported task-list format {suffix!r}; use .xlsx, .docx, .csv or .json")
        return EXIT_INPUT
    _check_output(args.output, "tasks")
    analysis = _analyze(args.file, _options(args))
    if args.output is None or args.output == "-":
        sys.stdout.write(for_terminal(to_csv(analysis).decode("utf-8-sig")))
        return EXIT_OK
    _write_output(WRITERS[suffix](analysis), args.output)
    sys.stderr.write(one_line(f"nlp: {len(analysis.directives)} tasks written to {args.output}") + "\n")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    _check_output(args.output, "html")
    options = _options(args)
    analysis = _analyze(args.file, options)
    comparison = None
    if args.others:
        comparison = compare(analysis, [_analyze(path, options, COMPARED_STAGES)
                                        for path in _progress(args.others, "analysing")])
    _write_output(report_html(analysis, comparison), args.output)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    options = _options(args)
    fmt = args.format
    if args.output and fmt is None:
        suffix = Path(args.output).suffix.lower()
        fmt = FORMAT_OF_SUFFIX.get(suffix)
        if suffix and fmt is None:
            raise OutputError(args.output, f"-o {suffix} is not a format compare writes",
                              "name the file .json, .txt, .xlsx or .html")
    args.format = fmt or "json"
    if args.format == "xlsx" and not args.output:
        _error("--format xlsx needs -o PATH")
        return EXIT_INPUT
    _check_output(args.output, args.format)
    base = _analyze(args.base, options, COMPARED_STAGES)
    others = [_analyze(path, options, COMPARED_STAGES) for path in _progress(args.others, "analysing")]
    result = compare(base, others)
    if args.format == "xlsx":
        _write_output(matrix_xlsx(result), args.output)
    elif args.format == "html":
        _write_output(matrix_html(result), args.output)
    elif args.format == "json":
        _write_output(json.dumps(to_data(result), ensure_ascii=False, indent=2) + "\n", args.output)
    else:
        _write_output(for_terminal(compare_summary(result)), args.output)
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    def terminated(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt  # SIGTERM as Ctrl-C: workers stopped, what is stored kept

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, terminated) if main_thread else None
    try:
        summary = run_batch(args.paths, args.db, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                            options=_options(args), max_memory=args.max_memory * MiB if args.max_memory else None,
                            progress=lambda items, total: _progress(items, "archiving", total))
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
    if args.format == "json":
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
    else:
        lines = [f"stored {summary['ok']} of {summary['total']}, skipped {summary['skipped']} "
                 f"({summary['unchanged']} unchanged or moved, {summary['not_documents']} not documents), "
                 f"copies {summary['copies']}, failed {summary['failed']} in {summary['seconds']:.1f} s"]
        lines += [one_line(f"  {f['path']}: {f['error']}") for f in summary["failures"]]
        lines += [one_line(f"  {c['path']}: the same text as {c['same_as']}, stored once") for c in summary["copies_of"]]
        sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_INPUT if args.strict and summary["failed"] else EXIT_OK


def _open_db(path: str) -> Any:
    return store.connect(path, readonly=True)


def cmd_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        _error(f"--limit {args.limit}: give a number of hits of 1 or more")
        return EXIT_INPUT
    db = _open_db(args.db)
    filters = {"kind": args.kind, "actor": args.actor, "campaign": args.campaign, "year": args.year}
    hits = search(db, args.query, limit=args.limit, **filters)
    total = search_count(db, args.query, **filters) if len(hits) == args.limit else len(hits)
    shown = f"{len(hits)} of {total} hits shown; raise --limit to see more" if total > len(hits) else f"{total} hits"
    if args.format == "json":
        sys.stdout.write(json.dumps(hits, ensure_ascii=False, indent=2) + "\n")
        if total > len(hits):
            sys.stderr.write(f"nlp: {shown}\n")
    else:
        for h in hits:
            metric = f"（{h['metric']}）" if h.get("metric") else ""
            hit = f"…{h['before']}【{h.get('mention') or h['text']}】{metric}{h['after']}…".replace("\n", " / ")
            sys.stdout.write(one_line(f"{h['path']} ({h['year'] or '-'}) [{h['kind']} {h['start']}-{h['end']}] "
                                      f"{hit}") + "\n")
        sys.stdout.write(shown + "\n")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    _check_output(args.plot, "plot", "--plot")
    result = stats(_open_db(args.db), by=args.by, campaign=args.campaign)
    if args.plot:
        with _writing(args.plot):
            result["plot"] = str(plot(result, args.plot))
    if args.format == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(for_terminal(stats_table(result)))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    _check_output(args.output, "xlsx")
    _write_output(export_tasks(_open_db(args.db)), args.output)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """Start the local web workspace (the optional extra `serve`) over an archive and open it in the browser."""
    try:
        import uvicorn

        from nlp.serve.app import create_app
    except ImportError as exc:
        _error(f"nlp serve needs the serve extra ({exc.name} is missing): pip install -e '.[serve]'")
        return EXIT_INPUT
    db = Path(args.db)
    if not db.resolve().parent.is_dir():
        raise InputError(args.db, "the folder for the archive does not exist", "create it or choose another --db")
    token = None if is_loopback(args.host) else new_token()
    try:
        with socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind((args.host.strip("[]"), args.port))
    except OSError as exc:
        _error(f"cannot listen on {args.host}:{args.port} ({exc.strerror}); choose another --port or --host")
        return EXIT_INPUT
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = ""
    app = create_app(db, token=token, who=who, max_bytes=args.max_bytes, processes=args.workers)
    shown_host = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    url = f"http://{'[' + shown_host + ']' if ':' in shown_host else shown_host}:{args.port}/"
    if token:
        url += f"?token={token}"
        shared = f"http://{socket.gethostname() if args.host in ('0.0.0.0', '::') else shown_host}:{args.port}/?token={token}"
        sys.stderr.write(f"nlp serve：允许其他电脑访问，每个请求都须带访问令牌。同事请打开 {shared}"
                         "（主机名也可换成本机的 IP 地址；令牌不要外传）\n")
    sys.stderr.write(f"nlp serve：文档库 {db}，在浏览器中打开 {url}  （按 Ctrl+C 停止）\n")
    sys.stderr.flush()
    if not args.no_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    uvicorn.run(app, host=args.host.strip("[]"), port=args.port, log_level="warning")
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    _check_output(args.output, args.format)
    _prepare()
    files = args.gold or default_gold_files()
    if not files:
        _error("no gold files given and none found in corpora/gold or ../shared/gold")
        return EXIT_INPUT
    _emit(evaluate_files(files), args, format_report)
    return EXIT_OK


def cmd_train(args: argparse.Namespace) -> int:
    card = train_and_save(args.output_dir)
    sys.stdout.write(json.dumps(card, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _emit(result: dict, args: argparse.Namespace, as_text: Callable[[dict], str]) -> None:
    """Write a result as JSON or as the command's text summary, as --format asks."""
    if args.format == "json":
        _write_output(json.dumps(result, ensure_ascii=False, indent=2) + "\n", args.output)
    else:
        _write_output(as_text(result), args.output)


_prepared = False


def _prepare() -> None:
    """Load the dictionary and the model of a command that analyses, then keep the garbage collector from
    rescanning them: they live as long as the process (rescans cost a fifth of segmentation time)."""
    global _prepared
    if _prepared:
        return
    tokenizer()
    load_model()
    gc.freeze()
    _prepared = True


def _progress(items: Iterable[Any], what: str, total: int | None = None) -> Any:
    """Show progress (done of total) on stderr for work that lasts over a second, only when stderr is a terminal."""
    from tqdm import tqdm

    return tqdm(items, desc=what, unit="file", delay=1.0, disable=not sys.stderr.isatty(), file=sys.stderr,
                total=total if total is not None else len(items) if isinstance(items, Sequence) else None)


def _error(message: str) -> None:
    """Write one line on stderr: control characters and line breaks (in file names too) shown escaped."""
    sys.stderr.write(one_line(f"nlp: error: {message}") + "\n")
    sys.stderr.flush()


def _budget_options(p: argparse.ArgumentParser) -> None:
    """The budgets of one document (nlp.budget)."""
    p.add_argument("--max-bytes", type=int, default=MAX_INPUT_BYTES,
                   help=f"refuse larger input files (default {MAX_INPUT_BYTES // MiB} MiB)")
    p.add_argument("--max-chars", type=int, default=MAX_CHARS,
                   help=f"refuse documents with more characters of text (default {MAX_CHARS:,})")
    p.add_argument("--timeout", type=float, default=TIMEOUT,
                   help=f"seconds one document may take, 0 for no limit (default {TIMEOUT:g})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nlp",
        description="Offline analysis of Chinese government speeches and work reports.",
    )
    parser.add_argument("--version", action="version", version=f"nlp {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="outline, directives, campaigns, quantities and reports of documents")
    p.add_argument("files", nargs="+", metavar="FILE", help="txt, docx, pdf or html documents")
    p.add_argument("--format", choices=("json", "text"), default="json",
                   help="json (one object; JSON Lines for several files) or a readable summary")
    p.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    _budget_options(p)
    p.add_argument("--no-model", action="store_true", help="rules only, without the sentence classifier")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("tasks", help="the task list (任务清单) of a speech or report as xlsx, docx, csv or json")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="PATH", help="tasks.xlsx, tasks.docx, tasks.csv or tasks.json (default: csv on stdout)")
    _budget_options(p)
    p.set_defaults(func=cmd_tasks)

    p = sub.add_parser("report", help="a self-contained HTML page to review what was found (and the comparison)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("others", nargs="*", metavar="OTHER", help="documents that report on FILE: adds the status matrix")
    p.add_argument("-o", "--output", metavar="PATH", help="report.html (default: stdout)")
    _budget_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("compare", help="trace a document's targets and directives into the documents reporting on it")
    p.add_argument("base", metavar="BASE", help="the document that directs (a speech, a plan, last year's report)")
    p.add_argument("others", nargs="+", metavar="OTHER", help="documents that report (unit summaries, next year's report)")
    p.add_argument("--format", choices=("json", "text", "xlsx", "html"), default=None,
                   help="json (default), text, or the status matrix as xlsx or html (also chosen by -o's suffix)")
    p.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    _budget_options(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("batch", help="analyse folders and zips of documents into an SQLite archive")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or .zip archives")
    p.add_argument("--db", required=True, help="the archive (SQLite), created when missing")
    p.add_argument("--workers", type=int, default=1, help="worker processes (or Dask workers), at most the CPUs")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="exit 2 when any document failed (skipped files do not count)")
    _budget_options(p)
    p.add_argument("--max-memory", type=int, default=MAX_WORKER_MEMORY // MiB, metavar="MIB",
                   help=f"stop a worker whose memory passes this, failing its document (default {MAX_WORKER_MEMORY // MiB})")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("search", help="full-text search of an archive",
                       description="Find directives, campaigns, quantities and reports whose text holds every word "
                                   "of QUERY (quantities also by their metric: 粮食产量), best first, each with the "
                                   "text around it.")
    p.add_argument("query", help="words to find, e.g. 三会一课 or 粮食产量")
    p.add_argument("--db", required=True, help="the archive made by `nlp batch`")
    p.add_argument("--kind", choices=("directive", "campaign", "quantity", "report"), help="only items of this kind")
    p.add_argument("--actor", help="only items whose responsible or reporting unit contains this, e.g. 各县区院")
    p.add_argument("--campaign", help="only items linked to a campaign whose name contains this")
    p.add_argument("--year", type=int, help="only documents of this year")
    p.add_argument("--limit", type=int, default=50, help="show at most this many hits (default 50); the total "
                                                         "is always given")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (one hit a line, in context) or json (a list of hits; the total on stderr when cut)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("stats", help="counts of an archive over time, by document or by unit")
    p.add_argument("--db", required=True, help="the archive made by `nlp batch`")
    p.add_argument("--by", choices=("year", "document", "unit"), default="year",
                   help="one row per year (default), per document or per responsible unit")
    p.add_argument("--campaign", help="count the mentions of this campaign only")
    p.add_argument("--plot", metavar="PNG", help="draw per-document counts to this image (.png, .svg or .pdf)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (a table with Chinese headings) or json")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export", help="the task lists of a whole archive as one xlsx",
                       description="Write the task lists (任务清单) of every document in an archive to one workbook: "
                                   "one row per directive with its file, title and year, filterable and ready to print.")
    p.add_argument("--db", required=True, help="the archive made by `nlp batch`")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="the workbook to write (.xlsx)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", help="本地网页工作台（中文界面）：上传、核对和更正任务清单，对照落实情况，检索 — "
                                     "the local web workspace (extra `serve`)",
                       description="启动本地网页工作台，浏览器会自动打开。默认只接受本机访问；以 --host 指定其他地址时，"
                                   "启动时会显示访问令牌，每个请求都须带上它。")
    p.add_argument("--db", default="archive.sqlite", help="文档库（SQLite，与 nlp batch 相同），不存在时新建（默认 archive.sqlite）")
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，仅本机）")
    p.add_argument("--port", type=int, default=8700, help="端口（默认 8700）")
    p.add_argument("--no-browser", action="store_true", help="不自动打开浏览器")
    p.add_argument("--workers", type=int, default=1, help="后台分析用的进程数（0：在服务进程内分析）")
    p.add_argument("--max-bytes", type=int, default=MAX_INPUT_BYTES, help="上传文件的大小上限（字节）")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("evaluate", help="score the analysis against gold annotations")
    p.add_argument("gold", nargs="*", metavar="GOLD", help="gold files (default: corpora/gold and ../shared/gold)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-o", "--output", metavar="PATH")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("train", help="train the sentence classifier on corpora/ and save it in models/")
    p.add_argument("--output-dir", default=None, help="where to save the model (default: models/)")
    p.set_defaults(func=cmd_train)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="nlp: %(levelname)s: %(message)s")
    if not args.debug:
        logging.getLogger("distributed").setLevel(logging.WARNING)  # Dask logs every worker at INFO
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    try:
        return func(args)
    except InputError as exc:
        _error(str(exc))
        return EXIT_INPUT
    except NlpError as exc:
        _error(str(exc))
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except MemoryError:
        _error("out of memory; lower --max-chars or --max-bytes, or give the machine more memory")
        return EXIT_INPUT
    except OSError as exc:
        if exc.errno not in USER_OS_ERRORS:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}; free some space or check the permissions, then run again")
        return EXIT_INPUT
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
