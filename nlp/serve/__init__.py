"""`nlp serve`: a local web workspace in Chinese over the archive that `nlp batch` writes.

Pages: 文档库 (upload, background analysis, the list), 文档 (outline, highlighted text, the task list corrected in
place and exported), 对照 (the status matrix of a base document and the documents reporting on it, statuses
overridden with a note), 检索 and 趋势. Corrections are kept in the archive (nlp.batch.corrections).

Modules: `app` (the application factory, pages and API), `security` (host, token, CSRF, CSP), `worker`
(the upload queue analysed in the background), `views` (what the pages show, read from the archive),
`messages` (the CLI's one-line errors in Chinese), `templates/` and `static/` (served from the package).
FastAPI, uvicorn and Jinja2 are the optional extra `serve`; this package's `__init__` imports none of them.
"""
