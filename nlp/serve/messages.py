"""The command line's one-line errors (nlp.errors.InputError, nlp.batch) in Chinese, for the web pages.

The problems and advice are matched as the readers write them; one not listed here is shown as written, so a new
message is never lost, only untranslated.
"""

from __future__ import annotations

import re

PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), zh) for p, zh in (
    (r"^the file is ([\d.]+ [KM]iB), more than the ([\d.]+ [KM]iB) limit$", r"文件大小 \1，超过 \2 的上限"),
    (r"^([\d.]+ [KM]iB), more than the ([\d.]+ [KM]iB) limit$", r"文件大小 \1，超过 \2 的上限"),
    (r"^the file grew past the ([\d.]+ [KM]iB) limit while read$", r"读取时文件增大，超过 \1 的上限"),
    (r"^the text has more than ([\d,]+) characters$", r"文字超过 \1 个字符的上限"),
    (r"^over the time budget of ([\d.]+) s$", r"分析超过 \1 秒的时限"),
    (r"^a passage of ([\d,]+) characters has no sentence end .*, more than the ([\d,]+) allowed$",
     r"有一段 \1 个字符的文字没有句末标点或换行，超过 \2 个字符的上限"),
    (r"^a sentence of ([\d,]+) characters \(an unclosed quotation\?\), more than the ([\d,]+) allowed$",
     r"有一句长达 \1 个字符（引号未闭合？），超过 \2 个字符的上限"),
    (r"^the Office file is protected with a password$", "Office 文件有密码保护"),
    (r"^tables nested more than (\d+) deep$", r"表格嵌套超过 \1 层"),
    (r"^the web page is ([\d.]+ [KM]iB), more than the ([\d.]+ [KM]iB) a page may have$",
     r"网页大小 \1，超过单个网页 \2 的上限"),
    (r"^the PDF has more than (\d+) pages$", r"PDF 超过 \1 页"),
    (r"^page (\d+) of the PDF draws more than ([\d.]+ [KM]iB) of operators .*$",
     r"PDF 第 \1 页的绘图指令超过 \2（压缩炸弹，或是图画而非文字）"),
    (r"^the PDF's pages draw more than ([\d.]+ [KM]iB) of operators$", r"PDF 各页的绘图指令合计超过 \1"),
    (r"^zip entry (.+) is encrypted$", r"压缩包中的 \1 有密码保护"),
    (r"^zip entry (.+) lies outside the file \(truncated\?\)$", r"压缩包中的 \1 超出文件范围（文件不完整？）"),
    (r"^zip entry (.+) has no local header \(corrupt zip\)$", r"压缩包中的 \1 缺少文件头（压缩包已损坏）"),
    (r"^zip entry (.+) is damaged \(its size or CRC-32 differs from the archive's\)$",
     r"压缩包中的 \1 已损坏（大小或校验值不符）"),
    (r"^zip entry (.+) is damaged \((.+)\)$", r"压缩包中的 \1 已损坏（\2）"),
    (r"^zip entry (.+) uses an unsupported compression \(method (\d+)\)$", r"压缩包中的 \1 使用了不支持的压缩方式（\2）"),
    (r"^zip entry (.+) inflates to more than ([\d.]+ [KM]iB) \(a zip bomb\?\)$",
     r"压缩包中的 \1 解压后超过 \2（疑似压缩炸弹）"),
    (r"^the entry lies outside the zip \(truncated\?\)$", "该文件超出压缩包范围（压缩包不完整？）"),
    (r"^not a regular file \((.+)\), left out$", r"不是普通文件（\1），已跳过"),
    (r"^not a regular file any more, left out$", "已不是普通文件，已跳过"),
    (r"^not a document \((\.\w+) data file\)$", r"不是文档（\1 数据文件），已跳过"),
    (r"^a link to a file outside the folder, not followed$", "指向文件夹之外的链接，未读取"),
    (r"^written by nlp itself \(an export\), not a document$", "这是本工具导出的文件（任务清单、落实情况表或审阅页），不是文档"),
    (r"^damaged \((.+)\)$", r"文件已损坏（\1）"),
    (r"^worker died \((.+)\)$", r"分析进程意外退出（\1）"),
    (r"^the file is empty$", "文件是空的"),
    (r"^the file holds only whitespace$", "文件里只有空白，没有文字"),
    (r"^the file looks binary, not text$", "文件看来不是文本（二进制内容）"),
    (r"^unsupported format: a legacy Word \.doc file$", "不支持的格式：旧版 Word（.doc）文件"),
    (r"^unsupported format: a legacy Word file$", "不支持的格式：旧版 Word 文件"),
    (r"^unsupported format: a legacy Excel \.xls file$", "不支持的格式：旧版 Excel（.xls）文件"),
    (r"^unsupported format: a legacy Excel file$", "不支持的格式：旧版 Excel 文件"),
    (r"^unsupported format: a legacy Office file \(\.doc/\.xls/\.ppt\)$", "不支持的格式：旧版 Office 文件（.doc/.xls/.ppt）"),
    (r"^unsupported format: an RTF file$", "不支持的格式：RTF 文件"),
    (r"^unsupported format: an? (PNG|JPEG|GIF|TIFF) image$", r"不支持的格式：\1 图片"),
    (r"^unsupported format: an? (RAR|gzip|7-Zip) archive$", r"不支持的格式：\1 压缩包"),
    (r"^unsupported format: (\.\w+)$", r"不支持的格式：\1"),
    (r"^not really a PDF \(no %PDF- header\)$", "不是真正的 PDF（缺少 %PDF- 文件头）"),
    (r"^not a valid \.docx \(not a zip container\)$", "不是有效的 .docx 文件"),
    (r"^the zip has no word/document\.xml, so it is not a Word document$", "压缩包中没有 word/document.xml，不是 Word 文件"),
    (r"^the (\w+) file is corrupt \((\w+)\)$", r"\1 文件已损坏（\2）"),
    (r"^the (\w+) file's XML is damaged$", r"\1 文件内部结构已损坏"),
    (r"^not a valid \.xlsx \(not a zip container\)$", "不是有效的 .xlsx 文件"),
    (r"^the zip has no xl/workbook\.xml, so it is not an Excel workbook$", "压缩包中没有 xl/workbook.xml，不是 Excel 文件"),
    (r"^its merged cells cover more than ([\d,]+) cells$", r"合并单元格覆盖超过 \1 个单元格"),
    (r"^its sheets hold more than ([\d,]+) cells$", r"工作表中的单元格超过 \1 个的上限"),
    (r"^a sheet uses ([\d,]+) columns, more than ([\d,]+)$", r"有一张工作表用了 \1 列，超过 \2 列的上限"),
    (r"^the file is not a valid zip container \(corrupt or truncated\)$", "不是有效的压缩文件（已损坏或不完整）"),
    (r"^the zip holds (\d+) entries, more than (\d+)$", r"压缩包内有 \1 个文件，超过 \2 个的上限"),
    (r"^zip entry (.+) inflates (\d+):1 \(a zip bomb\?\)$", r"压缩包中的 \1 解压后膨胀 \2 倍（疑似压缩炸弹）"),
    (r"^the zip inflates to more than ([\d.]+ [KM]iB) \(a zip bomb\?\)$", r"压缩包解压后超过 \1（疑似压缩炸弹）"),
    (r"^unsafe path in the archive \(absolute or with \.\.\), not read$", "压缩包内路径不安全（绝对路径或含 ..），未读取"),
    (r"^the web page has no main text$", "网页中没有正文"),
    (r"^the PDF is encrypted with a password$", "PDF 有密码保护"),
    (r"^the PDF is damaged \((\w+)\)$", r"PDF 已损坏（\1）"),
    (r"^the PDF's fonts have no Unicode map: its text comes out as \(cid:NN\)$", "PDF 的字体缺少 Unicode 映射，文字无法提取"),
    (r"^the PDF has no pages$", "PDF 没有页面"),
    (r"^the PDF has no text layer \(a scan\?\)$", "PDF 没有文字层（可能是扫描件）"),
    (r"^no text is left once page furniture is removed$", "去掉页眉页脚等内容后没有正文"),
    (r"^the text is in no encoding this tool reads \(UTF-8, UTF-16, GB18030, Big5\)$",
     "文字编码无法识别（支持 UTF-8、UTF-16、GB18030、Big5）"),
    (r"^broken (\S+) text \((.+)\)$", r"\1 编码的文字有损坏（\2）"),
    (r"^not a document \((\.\w+) data file\), left out$", r"不是文档（\1 数据文件），已跳过"),
    (r"^no such file$", "文件不存在"),
    (r"^is a directory, not a document$", "这是文件夹，不是文档"),
    (r"^is not a regular file$", "不是普通文件"),
    (r"^cannot be read \((.+)\)$", r"无法读取（\1）"),
    (r"^no such file or folder$", "文件或文件夹不存在"),
    (r"^a broken link$", "快捷方式（链接）已失效"),
    (r"^vanished during the run$", "文件在分析过程中被移走或删除"),
    (r"^unreadable$", "无法读取"),
    (r"^the document's original file is no longer in the archive$", "文档库中已没有这份文档的原始文件"),
    (r"^internal error: the analysis process stopped$", "内部错误：分析进程意外退出"),
    (r"^internal error: (.+)$", r"内部错误：\1"),
))
ADVICE = {
    "split it or raise --max-bytes": "请拆分文件，或以更大的 --max-bytes 启动 nlp serve",
    "give a document with text": "请提供有文字内容的文档",
    "give a txt, docx, pdf or html document": "请提供 txt、docx、pdf 或 html 文档",
    "save it as .docx and analyse that": "请另存为 .docx 后再上传",
    "run OCR on it first": "请先做文字识别（OCR）",
    "unpack it and analyse the documents inside": "请解压后上传其中的文档，或打包为 .zip",
    "check the file; re-export it as PDF": "请检查文件，重新导出为 PDF",
    "open and re-save it in Word": "请用 Word 打开后重新保存",
    "open and re-save it in Excel": "请用 Excel 打开后重新保存",
    "save it as .xlsx and analyse that": "请另存为 .xlsx 后再上传",
    "save it as .xlsx from Excel or WPS": "请用 Excel 或 WPS 另存为 .xlsx",
    "this is not an ordinary workbook; unmerge or split it": "这不是普通的表格文件，请取消合并单元格或拆分",
    "this is not an ordinary workbook; split it": "这不是普通的表格文件，请拆分",
    "save it as .docx, .pdf, .html or .txt": "请另存为 .docx、.pdf、.html 或 .txt",
    "this is not an ordinary document": "这不是普通文档",
    "refused before unpacking": "已在解压前拒绝",
    "refused while unpacking": "已在解压时拒绝",
    "open and re-save it": "请打开后重新保存",
    "split it or raise --max-chars": "请拆分文件",
    "split it or raise --timeout": "请拆分文件",
    "split it into parts": "请拆分成几个文件",
    "this is not running text: punctuate or split it": "这不是正常的行文，请加上标点或拆分",
    "this is not running text: close or split it": "这不是正常的行文，请补全引号或拆分",
    "save the text as .docx or a text-only PDF": "请把文字另存为 .docx 或纯文字的 PDF",
    "this is not an ordinary document; flatten its tables": "这不是普通文档，请减少表格嵌套",
    "save the page's article as text and analyse that": "请把网页正文另存为文本后上传",
    "give the document's full text": "请提供文档全文",
    "re-save it as UTF-8": "请另存为 UTF-8 编码",
    "run OCR on it first, then analyse the result": "请先做文字识别（OCR），再上传识别结果",
    "re-export it from the original document": "请从原始文档重新导出",
    "save an unprotected copy and analyse that": "请另存一份无密码的副本后上传",
    "re-export it with embedded Unicode fonts, or run OCR on it": "请嵌入 Unicode 字体重新导出，或先做文字识别（OCR）",
    "save it as .docx from Word or WPS": "请用 Word 或 WPS 另存为 .docx",
    "check the path": "请检查路径",
    "give files, or use `nlp batch` for folders": "请选择文件，或把整个文件夹拖进文档库",
    "check its permissions": "请检查文件的访问权限",
    "the document it was made from is in the archive already": "生成它的原始文档已在文档库中",
}


def zh(message: str) -> str:
    """Return a one-line error (`problem` or `problem; advice`) in Chinese, as far as it is known."""
    problem, _, advice = message.partition("; ")
    for pattern, replacement in PROBLEMS:
        if pattern.match(problem):
            problem = pattern.sub(replacement, problem)
            break
    if advice in ADVICE:
        advice = ADVICE[advice]
    else:
        for english, chinese in ADVICE.items():
            if advice.startswith(english):
                advice = chinese
                break
    return problem + (f"；{advice}" if advice else "")
