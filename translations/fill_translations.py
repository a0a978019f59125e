#!/usr/bin/env python3
"""Fills translations/weft_en.ts and weft_zh_CN.ts after `lupdate` has added new
source texts: English repeats the source (with singular/plural forms for %n), and
Simplified Chinese comes from the table below. A source text missing from the
table is reported and the script fails, so no string ships untranslated.

    lupdate -I . -no-obsolete -locations none ui app/gui core -ts translations/weft_en.ts translations/weft_zh_CN.ts
    python3 translations/fill_translations.py
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ZH = {
    # Catalog, Library: damaged catalog entries and files (issue 13)
    "its fingerprint of %1 bytes is not a stored vector": "其 %1 字节的指纹不是有效的存储向量",
    "its fingerprint has the unknown encoding %1": "其指纹的编码 %1 未知",
    "its fingerprint is %1 bytes, not a whole number of float32 values": "其指纹为 %1 字节，不是整数个 float32 数值",
    "its fingerprint holds a value that is not a number": "其指纹含有非数值",
    "The catalog %1 is empty (0 bytes): it was cut short, by a full disk or an interrupted copy. Restore it from a backup, or move it aside and index the library's folders again to make a new one.":
        "目录数据库 %1 为空（0 字节）：它因磁盘已满或复制中断而被截断。请从备份恢复，或将其移到别处，再重新索引纹样库的文件夹以新建目录数据库。",
    "its entry has the unknown status %1": "其条目的状态 %1 未知",
    "its fingerprint has %1 values where the others have %2": "其指纹有 %1 个数值，而其他的有 %2 个",
    "The catalog entry for %1 is damaged (%2): indexing the library describes the image anew":
        "%1 在目录数据库中的条目已损坏（%2）：重新索引纹样库时会重新描述该图像",
    # Library, DiskFull: what is wrong where a library is opened (issue 13)
    "%1 is a file, not a library folder: name a folder for the library (a new one is made where none exists)":
        "%1 是一个文件，不是纹样库文件夹：请为纹样库指定一个文件夹（不存在时会新建）",
    "Cannot lock the library %1: its lock file %2 cannot be written": "无法锁定纹样库 %1：无法写入其锁文件 %2",
    "Cannot write to %1: its disk is full (%2 free, at least %3 needed). Free some space on %4 and try again.":
        "无法写入 %1：其所在磁盘已满（剩余 %2，至少需要 %3）。请在 %4 上腾出空间后重试。",
    "%1 is gone: it was deleted or moved while the library was scanned": "%1 已不存在：扫描纹样库时它被删除或移走了",
    # Catalog, LibraryRepair, RepairOffer: repairing a damaged library (issue 13)
    "The catalog %1 is damaged (it has no generation counter): run `weft-cli repair` or Repair in Weft to save what can be read into a new catalog.":
        "目录数据库 %1 已损坏（缺少代数计数器）：请运行 `weft-cli repair` 或在 Weft 中点击“修复”，把仍可读取的内容保存到新的目录数据库。",
    "The catalog %1 is damaged for %2: %3. Run `weft-cli repair` or Repair in Weft to have the image indexed again.":
        "目录数据库 %1 中 %2 的条目已损坏：%3。请运行 `weft-cli repair` 或在 Weft 中点击“修复”，以重新索引该图像。",
    "the mask of its component %1 is not a %2x%3 PNG": "其纹样元素 %1 的遮罩不是 %2x%3 的 PNG",
    "SQLite cannot check it: %1": "SQLite 无法检查它：%1",
    "SQLite stopped checking it: %1": "SQLite 检查中途停止：%1",
    "it has no generation counter": "它缺少代数计数器",
    "%1. The file is damaged: run `weft-cli repair` or Repair in Weft to save what can be read into a new catalog":
        "%1。该文件已损坏：请运行 `weft-cli repair` 或在 Weft 中点击“修复”，把仍可读取的内容保存到新的目录数据库",
    "Nothing in the catalog %1 can be read (%2), so it cannot be repaired. Restore it from a backup, or move it aside and index the library's folders again to make a new one.":
        "目录数据库 %1 中没有任何可读取的内容（%2），因此无法修复。请从备份恢复，或将其移到别处，再重新索引纹样库的文件夹以新建目录数据库。",
    "it holds no Weft tables": "其中没有 Weft 的数据表",
    "The catalog %1 was made by a newer version of Weft (catalog schema %2); repair it with that version.":
        "目录数据库 %1 由较新版本的 Weft 创建（目录结构版本 %2）；请用该版本修复。",
    "Cannot keep a copy of the damaged catalog as %1; nothing was changed.": "无法将损坏的目录数据库副本保存为 %1；未做任何更改。",
    "Cannot move %1 beside the copy of the damaged catalog; nothing was changed.": "无法将 %1 移到损坏的目录数据库副本旁边；未做任何更改。",
    "The catalog entry for %1 is damaged (%2): it was set aside, and the next indexing describes the image anew":
        "%1 在目录数据库中的条目已损坏（%2）：已将其搁置，下次索引时会重新描述该图像",
    "The catalog entry for %1 is damaged (%2): it is left out of searches until `weft-cli repair` or Repair in Weft sets it aside to be indexed again":
        "%1 在目录数据库中的条目已损坏（%2）：在 `weft-cli repair` 或 Weft 中的“修复”将其搁置并重新索引之前，搜索中不会包含它",
    "There is no Weft library in %1 to repair: it has no catalog.sqlite": "%1 中没有可修复的 Weft 纹样库：其中没有 catalog.sqlite",
    "The library %1 is read-only, so it cannot be repaired: make its folder and catalog.sqlite writable and run the repair again.":
        "纹样库 %1 是只读的，因此无法修复：请将其文件夹和 catalog.sqlite 设为可写，然后再次修复。",
    "• and %n more": "• 另有 %n 个",
    "Repair": "修复",
    "Repairing the library…": "正在修复纹样库…",
    "The library could not be repaired.\n%1": "无法修复纹样库。\n%1",
    "Weft found damage in the library's catalog:": "Weft 发现纹样库的目录数据库有损坏：",
    "• the catalog file: %1": "• 目录数据库文件：%1",
    "These patterns are left out of searches until they are indexed again.": "在重新索引之前，搜索中不会包含这些纹样。",
    "Repair checks the whole catalog, saves what can still be read, sets damaged entries aside to be indexed again and rebuilds the search index; folders and collections are kept (weft-cli repair does the same).":
        "“修复”会检查整个目录数据库，保存仍可读取的内容，把损坏的条目搁置以便重新索引，并重建搜索索引；文件夹和收藏集都会保留。（weft-cli repair 的作用相同。）",
    "checking the catalog file": "正在检查目录数据库文件",
    "saving what can be read into a new catalog": "正在把可读取的内容保存到新的目录数据库",
    "checking every entry and rebuilding the search index": "正在检查每个条目并重建搜索索引",
    "checking the result": "正在检查结果",
    "opening the library again": "正在重新打开纹样库",
    "Repairing the library, step %1 of %2: %3…": "正在修复纹样库，第 %1 步（共 %2 步）：%3…",
    "The repair could not make the catalog sound: %1\nRestore catalog.sqlite in %2 from a backup, or move it aside and add the library's folders again.":
        "修复未能使目录数据库恢复完好：%1\n请从备份恢复 %2 中的 catalog.sqlite，或将其移到别处，再重新添加纹样库的文件夹。",
    "Repair finished: nothing in the library is damaged. The search index was rebuilt from %n patterns.":
        "修复完成：纹样库中没有损坏的内容。搜索索引已根据 %n 个纹样重建。",
    "Repair finished.": "修复完成。",
    "The catalog file was damaged: what could be read was saved into a new catalog, and the damaged file is kept as %1.":
        "目录数据库文件已损坏：可读取的内容已保存到新的目录数据库，损坏的文件保留为 %1。",
    "Some entries could not be read and are lost; a rescan finds those patterns again.": "部分条目无法读取而已丢失；重新扫描会再次找到这些纹样。",
    "%n damaged entries were set aside and are indexed again:": "%n 个损坏的条目已被搁置，将重新索引：",
    "The search index was rebuilt from %n patterns; folders and collections are kept.": "搜索索引已根据 %n 个纹样重建；文件夹和收藏集均已保留。",
    # CompareView: the swatch's outline on the match
    "Where the swatch sits in this pattern": "布样在此纹样中的位置",
    # main
    "Finds textile patterns by what they look like.": "按外观查找纺织纹样。",
    "Library folder (default: the one in the settings).": "纹样库文件夹（默认：设置中的文件夹）。",
    "Method settings overriding the settings, e.g. size=64,grid=0.": "覆盖设置的方法参数，例如 size=64,grid=0。",
    "Drop IMAGE onto the window once the library is up to date, print the milliseconds from the drop to the results being shown, and quit.":
        "纹样库更新完成后把 IMAGE 拖放到窗口上，打印从拖放到显示结果所用的毫秒数，然后退出。",
    "With --measure-drop: how many drops (default 5).": "与 --measure-drop 一起使用：拖放次数（默认 5）。",
    "Folders of patterns to add to the library; an image file is looked up.": "要加入纹样库的纹样文件夹；若为图像文件则对其进行检索。",
    # CompareView
    "No motifs were found in these images.": "在这些图像中未找到纹样。",
    # ShownMotifs, MotifLegendItem: motifs (纹样) and their repeats (重复) as a designer names them
    "Motif %1": "纹样 %1",
    "Motif": "纹样",
    "repeat of %1": "重复 %1 次",
    "found once": "仅出现一次",
    "%1 — %2": "%1 — %2",
    "%1 %": "%1%",
    "high": "高",
    "medium": "中",
    "low": "低",
    # ComponentInspector
    "Show components": "显示纹样元素",
    "Open a library image to see the components found in it.": "打开一张库内图像，查看其中找到的纹样元素。",
    "Open library image…": "打开库内图像…",
    "Repeats": "重复次数",
    "Size": "大小",
    "Confidence": "置信度",
    "How much of the picture the motif covers": "纹样占图像的比例",
    "How sure the detector is that this is a motif": "检测器对这是一个纹样的把握程度",
    "%1: no motifs were found in this image.": "%1：在此图像中未找到纹样。",
    "%1: %n motif(s)": "%1：%n 个纹样",
    "(%n more outline(s) on the garment's edges and folds or on the wearer not shown)": "（另有 %n 个位于衣物边缘、褶皱或穿着者身上的轮廓未显示）",
    "#%1": "#%1",
    "At %1, %2 in the picture's pixels, %3 × %4 pixels; confidence %5 %": "位于图像像素坐标 %1, %2，大小 %3 × %4 像素；置信度 %5%",
    "Cannot show %1: %2": "无法显示 %1：%2",
    # FailedFilesDialog
    "Files that could not be indexed": "无法建立索引的文件",
    "File": "文件",
    "Reason": "原因",
    "Copy list": "复制列表",
    "Every file was read.": "所有文件均已读取。",
    "%n file(s) could not be indexed. Fix or replace them and press Rescan; they are tried again when they change.":
        "%n 个文件无法建立索引。请修复或替换这些文件后点击“重新扫描”；文件改动后会再次尝试。",
    # IndexingStatus
    "Pause": "暂停",
    "Cancel": "取消",
    "Pause indexing; searching goes on": "暂停建立索引；检索仍可进行",
    "Stop indexing; what is done is kept and the next rescan continues": "停止建立索引；已完成的部分会保留，下次重新扫描时继续",
    "Resume": "继续",
    "estimating time left": "正在估算剩余时间",
    "%1 s left": "剩余 %1 秒",
    "%1 min left": "剩余 %1 分钟",
    "%1 h %2 min left": "剩余 %1 小时 %2 分钟",
    "%1 of %2": "%1 / %2",
    "%1 images/s, %2": "每秒 %1 张，%2",
    "Looking for new and changed files…": "正在查找新增和改动的文件…",
    "Indexing…": "正在建立索引…",
    "Indexing %1": "正在为 %1 建立索引",
    "Indexing paused; searching still works": "索引已暂停；检索仍可使用",
    "Stopping after the current image…": "处理完当前图像后停止…",
    # LibraryHost
    "The library folder %1 is not writable.": "纹样库文件夹 %1 不可写。",
    "The library is open read-only, so no folder can be added now.": "纹样库以只读方式打开，目前无法添加文件夹。",
    "%1 is not a folder.": "%1 不是文件夹。",
    "The library is open read-only, so no folder can be removed now.": "纹样库以只读方式打开，目前无法移除文件夹。",
    # LibraryPanel
    "Add folder…": "添加文件夹…",
    "Remove": "移除",
    "Rescan": "重新扫描",
    "Failed files…": "失败的文件…",
    "<b>Library folders</b>": "<b>纹样库文件夹</b>",
    "Folder": "文件夹",
    "Indexed": "已索引",
    "Failed": "失败",
    "Pending": "待处理",
    "Library folders": "纹样库文件夹",
    "Add a folder of pattern images to the library and index it": "把一个纹样图像文件夹加入纹样库并建立索引",
    "Remove the selected folder from the library (the files stay where they are)": "从纹样库中移除所选文件夹（文件本身保留在原处）",
    "Look for new, changed and deleted files in every folder": "在所有文件夹中查找新增、改动和已删除的文件",
    "List the files that could not be indexed, with the reason": "列出无法建立索引的文件及其原因",
    "%1\nThis folder is not there (unplugged drive?). Its images are kept.": "%1\n找不到此文件夹（驱动器已拔出？）。其中的图像记录会保留。",
    "%1 (not found)": "%1（未找到）",
    "No folders yet. Add the folders of your pattern library to start.": "还没有文件夹。请先添加纹样库的文件夹。",
    "%1 indexed, %2 failed, %3 pending in all": "共计：已索引 %1，失败 %2，待处理 %3",
    # MainWindow
    "Weft": "Weft",
    "Compare": "对比",
    "Components": "纹样元素",
    "Opening the library…": "正在打开纹样库…",
    "Remove folder": "移除文件夹",
    "Remove %1 from the library? Its images leave the library; the files themselves stay where they are.":
        "要从纹样库中移除 %1 吗？其中的图像将不再属于纹样库；文件本身保留在原处。",
    "No library is open.": "没有打开的纹样库。",
    "Weft cannot open the library. Nothing in it was changed.\n%1\nChoose another library folder in Settings.":
        "Weft 无法打开该纹样库，库中内容未作任何改动。\n%1\n请在“设置”中选择其他纹样库文件夹。",
    "The model could not be loaded, so Weft cannot index or search yet; the library can still be browsed.\n%1\nTo set the default model up, run this in the Weft source folder, then restart Weft:\n    models/setup_models.sh":
        "无法加载模型，因此 Weft 暂时不能建立索引或检索；纹样库仍可浏览。\n%1\n要安装默认模型，请在 Weft 源代码文件夹中运行以下命令，然后重新启动 Weft：\n    models/setup_models.sh",
    "The library is open read-only: you can search, but not add folders or index.\n%1": "纹样库以只读方式打开：可以检索，但不能添加文件夹或建立索引。\n%1",
    "Indexing stopped: %1": "建立索引已停止：%1",
    "Drop the folder to add it to the library": "松开鼠标即可把该文件夹加入纹样库",
    "Add folder": "添加文件夹",
    "Add the folder “%1” to the library?": "要把文件夹“%1”加入纹样库吗？",
    "Weft indexes the pattern images in %1 and its subfolders, so that they can be found. The files stay where they are.":
        "Weft 会为 %1 及其子文件夹中的纹样图像建立索引，以便检索。文件保留在原处。",
    "Add to library": "加入纹样库",
    "These folders are not there (unplugged drive?); their images are kept until they come back:\n%1":
        "找不到以下文件夹（驱动器已拔出？）；其中的图像记录会保留，直到文件夹恢复：\n%1",
    "All folders": "全部文件夹",
    "Search only one library folder, or a folder inside it": "只在某个纹样库文件夹或其中的子文件夹里检索",
    "%n match(es)": "%n 个匹配",
    "%n match(es) in %1": "%1 中有 %n 个匹配",
    "%1 scoring %2 or more": "%1，得分不低于 %2",
    "%1, more as you scroll": "%1，向下滚动可看更多",
    "any": "不限",
    "Score at least:": "最低得分：",
    "Show only matches scoring at least this much (1 is an exact copy)": "只显示得分不低于此值的匹配（1 表示完全相同）",
    "checking the best ones…": "正在核对最佳匹配…",
    "Thumbnail size": "缩略图大小",
    "Folder:": "文件夹：",
    "Size:": "大小：",
    "Matches, best first": "匹配结果（最相似的在前）",
    "Select a match to see it beside the swatch.": "选择一个匹配结果，即可与布样并排查看。",
    "Draw the detected components as outlines and masks": "以轮廓和蒙版绘制检测到的纹样元素",
    "Zoom in": "放大",
    "Zoom in (or turn the mouse wheel)": "放大（或滚动鼠标滚轮）",
    "Zoom out": "缩小",
    "Fit": "适合窗口",
    "Fit both images in the view": "让两张图像都适合视图大小",
    "Open": "打开",
    "Open the match in the system's image viewer": "用系统图像查看器打开匹配图像",
    "Show in folder": "在文件夹中显示",
    "Show the match in the file manager": "在文件管理器中显示匹配图像",
    "Copy path": "复制路径",
    "Copy": "复制",
    "Copy the match's picture, to paste it into an image editor": "复制匹配的图像本身，可粘贴到图像编辑软件中",
    "Copied the picture %1": "已复制图像 %1",
    "The picture could not be copied.\n%1": "无法复制图像。\n%1",
    "&File": "文件(&F)",
    "&Open swatch…": "打开布样(&O)…",
    "&Paste swatch": "粘贴布样(&P)",
    "&Add library folder…": "添加纹样库文件夹(&A)…",
    "&Rescan library": "重新扫描纹样库(&R)",
    "&Inspect library image…": "查看库内图像(&I)…",
    "&Settings…": "设置(&S)…",
    "&Quit": "退出(&Q)",
    "&Match": "匹配(&M)",
    "Open in &viewer": "在查看器中打开(&V)",
    "Show in &folder": "在文件夹中显示(&F)",
    "&Copy": "复制(&C)",
    "Copy &path": "复制路径(&P)",
    "&Inspect components": "查看纹样元素(&I)",
    "&View": "视图(&V)",
    "Show &components": "显示纹样元素(&C)",
    "Zoom &in": "放大(&I)",
    "Zoom &out": "缩小(&O)",
    "&Fit to window": "适合窗口(&F)",
    "&Help": "帮助(&H)",
    "&About Weft": "关于 Weft(&A)",
    "About Weft": "关于 Weft",
    "<h3>Weft %1</h3><p>Finds textile patterns by what they look like.</p><p>Library: %2<br>Method: %3</p>":
        "<h3>Weft %1</h3><p>按外观查找纺织纹样。</p><p>纹样库：%2<br>方法：%3</p>",
    "Weft — %1": "Weft — %1",
    "The library is empty: add a folder of patterns.": "纹样库为空：请添加一个纹样文件夹。",
    "%n image(s) indexed": "已索引 %n 张图像",
    "%n folder(s)": "%n 个文件夹",
    "Indexing stopped; %n image(s) left for the next rescan.": "建立索引已停止；还有 %n 张图像留待下次重新扫描。",
    "Indexing done: %n image(s) indexed, %1 failed.": "索引完成：已索引 %n 张图像，失败 %1 张。",
    "Searching for %1…": "正在检索 %1…",
    "#%1, score %2: %3": "第 %1 名，得分 %2：%3",
    "Swatch: %1": "布样：%1",
    "#%1  %2": "第 %1 名  %2",
    # Collections (CollectionsPanel, CollectionActions, LibraryHost, MainWindow, Catalog)
    "New…": "新建…",
    "Rename…": "重命名…",
    "Delete": "删除",
    "<b>Collections</b>": "<b>收藏集</b>",
    "Collection": "收藏集",
    "Patterns": "纹样",
    "Collections": "收藏集",
    "Click a collection to see its patterns": "点击收藏集查看其中的纹样",
    "Make a new, empty collection": "新建一个空收藏集",
    "Rename the selected collection": "重命名所选收藏集",
    "Delete the selected collection (its patterns stay in the library)": "删除所选收藏集（其中的纹样仍保留在纹样库中）",
    "New collection": "新建收藏集",
    "Rename collection": "重命名收藏集",
    "Delete collection": "删除收藏集",
    "Delete the collection “%1”? Its patterns stay in the library.": "删除收藏集“%1”？其中的纹样仍保留在纹样库中。",
    "Favourites": "收藏夹",
    "Name of the collection:": "收藏集名称：",
    "Mark the selected pattern as a favourite, or no longer": "将所选纹样加入收藏夹，或从中取消",
    "Remove from &favourites": "从收藏夹移除(&F)",
    "Add to &favourites": "加入收藏夹(&F)",
    "Add to &collection": "加入收藏集(&C)",
    "&New collection…": "新建收藏集(&N)…",
    "Remove from “%1”": "从“%1”中移除",
    "The library is open read-only, so its collections cannot be changed now.": "纹样库以只读方式打开，因此现在无法更改其收藏集。",
    "%n pattern(s) in %1": "%1 中有 %n 个纹样",
    "That collection is no longer in the library; it may have been deleted.": "该收藏集已不在纹样库中，可能已被删除。",
    "A collection needs a name.": "收藏集需要一个名称。",
    "There is already a collection called “%1”.": "已有名为“%1”的收藏集。",
    "Favourites cannot be renamed or deleted.": "收藏夹不能重命名或删除。",
    "That pattern is no longer in the library, so it cannot be added to a collection.": "该纹样已不在纹样库中，因此无法加入收藏集。",
    "The clipboard holds no image. Copy an image or an image file, then paste.": "剪贴板中没有图像。请先复制一张图像或一个图像文件，再粘贴。",
    "That is not an image Weft can read.": "这不是 Weft 能读取的图像。",
    "Downloading %1…": "正在下载 %1…",
    "Cannot download %1: %2": "无法下载 %1：%2",
    "Stopping indexing; what is done is kept…": "正在停止建立索引；已完成的部分会保留…",
    "Open swatch": "打开布样",
    "Images (%1)": "图像 (%1)",
    "Add a folder of patterns": "添加纹样文件夹",
    "Inspect library image": "查看库内图像",
    "Settings": "设置",
    "Settings are not stored in this session.": "本次会话不保存设置。",
    "Language": "语言",
    "Restart Weft to use the new language.": "重新启动 Weft 后将使用新的语言。",
    "No application is set up to open %1. Installing xdg-utils and an image viewer sets one up.":
        "没有可以打开 %1 的应用程序。安装 xdg-utils 和一个图像查看器即可。",
    "No file manager could show %1, and no application is set up to open its folder %2. Installing xdg-utils and a file manager sets one up.":
        "没有文件管理器能显示 %1，也没有可以打开其所在文件夹 %2 的应用程序。安装 xdg-utils 和一个文件管理器即可。",
    "Copied %1": "已复制 %1",
    "Open in viewer": "在查看器中打开",
    "Inspect components": "查看纹样元素",
    "Find patterns like this": "查找与此相似的纹样",
    "<b>Patterns like:</b> %1<br>Drop, paste or open a swatch to search for it.": "<b>相似纹样：</b>%1<br>拖放、粘贴或打开布样即可检索它。",
    "Pattern: %1": "纹样：%1",
    "Matches": "匹配",
    "Browse": "浏览",
    "All the patterns of the folder, without a search": "不经检索，浏览该文件夹中的全部纹样",
    "&Matches": "匹配(&M)",
    "&Browse the folder": "浏览文件夹(&B)",
    # BrowseView, BrowseModel
    "Name": "名称",
    "Date modified, newest first": "修改日期，最新的在前",
    "Size, largest first": "大小，最大的在前",
    "The order of the patterns": "纹样的排列顺序",
    "Sort by:": "排序：",
    "Search the library for patterns like the selected one": "在纹样库中查找与所选纹样相似的纹样",
    "Patterns of the folder": "文件夹中的纹样",
    "The folder's patterns cannot be listed: %1": "无法列出该文件夹中的纹样：%1",
    "Reading the folder…": "正在读取文件夹…",
    "%n pattern(s) in the library": "纹样库中有 %n 个纹样",
    "%n pattern(s) in %1": "%1 中有 %n 个纹样",
    "%1 · %2": "%1 · %2",
    "%1\n%2, modified %3": "%1\n%2，修改于 %3",
    # LibraryPanel (browsing)
    "%1\nClick to browse its patterns.": "%1\n单击即可浏览其中的纹样。",
    # SearchHistory
    "&Back": "后退(&B)",
    "&Forward": "前进(&F)",
    "Back to the search before (%1)": "回到上一次检索（%1）",
    "Forward to the search after (%1)": "前往下一次检索（%1）",
    # QuickLookWindow
    "Quick look": "快速查看",
    "← → previous and next image · Space or Esc closes": "← → 上一张和下一张图像 · 按空格键或 Esc 关闭",
    "%1 — %2 × %3 pixels": "%1 — %2 × %3 像素",
    "%1 — cannot be shown: %2": "%1 — 无法显示：%2",
    # MessageBanner
    "Hide this message": "隐藏此消息",
    # QueryPanel
    "<b>Drop a swatch photo here</b><br>from the file manager or a browser, paste it with Ctrl+V, or open a file.":
        "<b>把布样照片拖放到这里</b><br>可从文件管理器或浏览器拖入，也可用 Ctrl+V 粘贴，或打开一个文件。",
    "Open swatch…": "打开布样…",
    "Paste": "粘贴",
    "<b>Swatch:</b> %1<br>Drop, paste or open another to search again.": "<b>布样：</b>%1<br>拖放、粘贴或打开另一张图像即可再次检索。",
    "<b>This swatch could not be searched.</b><br>%1": "<b>无法检索此布样。</b><br>%1",
    # QueryWorker
    "Searching needs the model, which is not loaded (see the message at the top of the window).": "检索需要模型，但模型未加载（见窗口顶部的提示）。",
    # QueryPanel and PaletteBar: colour (配色 = colourway)
    "<b>Swatch:</b> %1, its print in any colourway<br>Drop, paste or open another to search again.":
        "<b>布样：</b>%1，任意配色的同款印花<br>拖放、粘贴或打开另一张图像即可再次检索。",
    "<b>Patterns holding</b> %1<br>Pick another colour, or drop, paste or open a swatch.":
        "<b>含有此颜色的纹样：</b>%1<br>可选择其他颜色，或拖放、粘贴、打开布样。",
    "<b>Swatch:</b> %1<br>Only the matches holding the pressed colours are shown.": "<b>布样：</b>%1<br>只显示含有所按下颜色的匹配结果。",
    "<b>Swatch:</b> %1, its print in any colourway<br>Only the matches holding the pressed colours are shown.":
        "<b>布样：</b>%1，任意配色的同款印花<br>只显示含有所按下颜色的匹配结果。",
    "<b>Patterns like:</b> %1<br>Only the patterns holding the pressed colours are shown.": "<b>相似纹样：</b>%1<br>只显示含有所按下颜色的纹样。",
    "Any colourway": "任意配色",
    "Find the swatch's print in any colourway: its colours are left out of the comparison": "查找任意配色的同款印花：比较时不考虑布样的颜色",
    "Colours:": "颜色：",
    "The swatch's main colours: click one to see only the matches holding it": "布样的主要颜色：点击一种颜色，只显示含有该颜色的匹配结果",
    "Colour %1": "颜色 %1",
    "%1, %2% of the swatch: click to see only the matches holding this colour, click again to see all":
        "%1，占布样的 %2%：点击只显示含有此颜色的匹配结果，再次点击显示全部",
    "Pick a colour…": "选择颜色…",
    "Search the library for patterns holding a colour of your choice": "在纹样库中查找含有所选颜色的纹样",
    "Search by colour": "按颜色检索",
    # QueryEngine: colour
    "This library's fingerprints keep no colours (its method has hsv=0), so it cannot be searched by colour; choose a colour share above 0 in the settings and index again":
        "此纹样库的特征指纹不含颜色（其方法设置为 hsv=0），因此无法按颜色检索；请在设置中把颜色占比设为大于 0，然后重新建立索引",
    # RegionSearch
    "region of %1": "%1 的局部",
    "Cannot search with a part of %1.\n%2": "无法用 %1 的局部进行检索。\n%2",
    "That part is too small to search with: drag over at least %1 × %1 pixels of the picture.":
        "这个局部太小，无法检索：请在图像上框选至少 %1 × %1 像素。",
    # RegionSelector
    "Search a region": "框选局部检索",
    "Search with a part of a picture: click here, then drag a rectangle over the picture. Holding Shift while dragging does the same at any time.":
        "用图像的一部分检索：点击此处，然后在图像上拖出一个矩形。任何时候按住 Shift 拖动也可以。",
    "Drag a rectangle over a picture to search with that part (Esc cancels).": "在图像上拖出一个矩形，用该局部进行检索（按 Esc 取消）。",
    # ResultsModel
    "%1\nRank %2, score %3": "%1\n第 %2 名，得分 %3",
    # SettingsDialog
    "Choose…": "选择…",
    "Library folder": "纹样库文件夹",
    "Default": "默认",
    "%1 (default)": "%1（默认）",
    "None (whole image only)": "无（仅整幅图像）",
    "Repeated motif (finds the pattern's repeating element)": "重复纹样元素（查找纹样中重复出现的元素）",
    "Objects (YOLO, COCO classes)": "物体（YOLO，COCO 类别）",
    "Share of the colour histogram in the similarity; the rest is the CNN fingerprint": "颜色直方图在相似度中所占的比重；其余部分为 CNN 指纹",
    "Automatic": "自动",
    " px": " 像素",
    "System language": "系统语言",
    "Changing the model, the component detector or the colour weight re-indexes the library with the new method.":
        "更改模型、纹样元素检测器或颜色权重后，将用新方法为纹样库重新建立索引。",
    "These settings do not fit together: %1": "这些设置相互冲突：%1",
    # MethodSettings (core/features/MethodSettings.cpp)
    "Model": "模型",
    "Colour weight": "颜色权重",
    "Component detector": "纹样元素检测器",
    "Objects and their outlines (Mask R-CNN, COCO classes)": "物体及其轮廓（Mask R-CNN，COCO 类别）",
    "A new language takes effect when Weft is restarted.": "新语言在重新启动 Weft 后生效。",
    "Library folder:": "纹样库文件夹：",
    "Threads:": "线程数：",
    "Thumbnail size:": "缩略图大小：",
    "Language:": "语言：",
    # Catalog (core/catalog/Catalog.cpp)
    "%1 is already part of the library through %2.": "%1 已经通过 %2 包含在纹样库中。",
    # SwatchSource
    "pasted image": "粘贴的图像",
    # Catalog (core/catalog)
    "Cannot open the catalog %1: the Qt SQLite driver (QSQLITE) is not available; reinstall Weft.":
        "无法打开目录数据库 %1：Qt SQLite 驱动（QSQLITE）不可用；请重新安装 Weft。",
    "Cannot open the catalog %1: %2": "无法打开目录数据库 %1：%2",
    "The catalog %1 was made by a newer version of Weft (catalog schema %2, this version reads up to %3); it was left unchanged.":
        "目录数据库 %1 由更新版本的 Weft 创建（数据库结构版本 %2，本版本最高只能读取 %3）；未对其作任何改动。",
    "Cannot create the catalog in %1: the folder does not exist": "无法在 %1 中创建目录数据库：该文件夹不存在",
    "Cannot create the catalog in %1: the folder is not writable": "无法在 %1 中创建目录数据库：该文件夹不可写",
    "Cannot open the catalog %1: it is not a file": "无法打开目录数据库 %1：它不是文件",
    "Cannot open %1: it is an SQLite database but not a Weft catalog; it was left unchanged.":
        "无法打开 %1：它是 SQLite 数据库，但不是 Weft 的目录数据库；未对其作任何改动。",
    "The catalog %1 is at schema version %2, newer than the requested %3; it was left unchanged.":
        "目录数据库 %1 的结构版本为 %2，比所需的 %3 更新；未对其作任何改动。",
    "The catalog %1 (schema %2) must be upgraded to schema %3, but it is read-only; make the file and its folder writable and open the library again.":
        "目录数据库 %1（结构版本 %2）需要升级到版本 %3，但它是只读的；请让该文件及其所在文件夹可写，然后重新打开纹样库。",
    "Could not add the folder %1 to the catalog %2: it was not stored.": "无法把文件夹 %1 加入目录数据库 %2：未能保存。",
    "Cannot open the catalog %1: it is not a Weft catalog or it is damaged (%2). Move it aside to have a new one created.":
        "无法打开目录数据库 %1：它不是 Weft 的目录数据库，或已损坏（%2）。请把它移到别处，Weft 会新建一个。",
    "Cannot read the catalog %1: %2": "无法读取目录数据库 %1：%2",
    # ContentHash (core/imaging)
    "Cannot fingerprint %1: %2": "无法计算 %1 的指纹：%2",
    # ImageDecoder (core/imaging)
    "Cannot read %1: %2": "无法读取 %1：%2",
    "%1 is not an image Weft can read (%2)": "%1 不是 Weft 能读取的图像（%2）",
    "the file is truncated or damaged (%1)": "文件不完整或已损坏（%1）",
    "the data is truncated or damaged (%1)": "数据不完整或已损坏（%1）",
    "there is not enough memory to decode it": "内存不足，无法解码",
    "%1 is %2\u00D7%3 pixels, larger than the limit of %4 megapixels; it may be a decompression bomb":
        "%1 为 %2×%3 像素，超过 %4 百万像素的上限；它可能是“解压炸弹”",
    "%1 is %2\u00D7%3 pixels at %4 bytes per pixel: decoding it would take %5 MB, more than the %6 MB Weft sets aside for decoding images":
        "%1 为 %2×%3 像素，每像素 %4 字节：解码需要 %5 MB，超过 Weft 为解码图像预留的 %6 MB",
    "it is in %1 format; Weft reads JPEG, PNG, TIFF, BMP, WebP and HEIC": "它是 %1 格式；Weft 可读取 JPEG、PNG、TIFF、BMP、WebP 和 HEIC",
    "%1 is a HEIC/HEIF image, but the HEIF library on this computer (libheif %2) cannot decode its compression (%3). "
    "Install libheif's decoders (on Debian and Ubuntu: the packages libheif1 and libde265-0, or libheif-plugin-libde265 "
    "where it exists), or save the photo as JPEG":
        "%1 是 HEIC/HEIF 图像，但本机的 HEIF 库（libheif %2）无法解码其压缩格式（%3）。请安装 libheif 的解码器"
        "（Debian 和 Ubuntu：软件包 libheif1 和 libde265-0，较新版本为 libheif-plugin-libde265），或将照片另存为 JPEG",
    "%1 is larger than the HEIF library decodes (%2); it may be a decompression bomb":
        "%1 超出 HEIF 库可解码的大小（%2）；它可能是解压炸弹",
    "Premature end of JPEG file": "JPEG 文件提前结束",
    "the pixel data stops early": "像素数据提前结束",
    "Cannot read an image: no file name was given": "无法读取图像：未给出文件名",
    "the file does not exist": "文件不存在",
    "you do not have permission to read it": "你没有读取它的权限",
    "the file is empty": "文件是空的",
    "the pasted image": "粘贴的图像",
    "The pasted image": "粘贴的图像",
    "there is no image data": "没有图像数据",
    # RegularFile (core/imaging): what is under an image's name but is not a file
    "a folder": "文件夹",
    "a device": "设备",
    "a named pipe (FIFO)": "命名管道（FIFO）",
    "a socket": "套接字",
    "a special file": "特殊文件",
    "it is %1, not an image file": "它是%1，不是图像文件",
    "it links to %1, which is %2, not an image file": "它链接到 %1，那是%2，不是图像文件",
    "it links to %1, which does not exist": "它链接到 %1，但该目标不存在",
    "it is a symbolic link that leads back to itself (a link loop)": "它是指回自身的符号链接（链接循环）",
    # Indexer (core/pipeline)
    "Cannot index %1: %2": "无法为 %1 建立索引：%2",
    # Library (core/pipeline)
    "Cannot create the library folder %1: check that its parent exists and is writable":
        "无法创建纹样库文件夹 %1：请检查其上级文件夹是否存在且可写",
    "The library %1 is in use by another Weft program (%2, process %3); close it first":
        "纹样库 %1 正被另一个 Weft 程序使用（%2，进程 %3）；请先关闭它",
    "Cannot lock the library %1: the folder is not writable": "无法锁定纹样库 %1：该文件夹不可写",
    "There is no Weft library in %1 yet: index some folders into it first": "%1 中还没有 Weft 纹样库：请先为一些文件夹建立索引",
    # ModelStore (core/models)
    "Cannot read model file %1: %2": "无法读取模型文件 %1：%2",
    " To get it: %1.": "获取方法：%1。",
    "Model '%1' is missing: %2 does not exist.%3 Set WEFT_MODEL_DIR to use another model folder.":
        "缺少模型“%1”：%2 不存在。%3 如需使用其他模型文件夹，请设置 WEFT_MODEL_DIR。",
    "Model '%1' at %2 has no recorded checksum (%2.sha256).%3": "位于 %2 的模型“%1”没有记录的校验和（%2.sha256）。%3",
    "Model '%1' at %2 is damaged or a different file: it has %3 bytes, expected %4.%5":
        "位于 %2 的模型“%1”已损坏或不是预期的文件：大小为 %3 字节，应为 %4 字节。%5",
    "Model '%1' at %2 is damaged or a different file: its SHA-256 is %3, expected %4.%5":
        "位于 %2 的模型“%1”已损坏或不是预期的文件：其 SHA-256 为 %3，应为 %4。%5",
    # QueryEngine (core/pipeline)
    "%1 is not indexed in this library yet, so there is nothing to compare it by; wait for indexing to reach it or drop it in as a swatch":
        "%1 尚未在此纹样库中建立索引，因此无从比较；请等索引处理到它，或把它作为布样拖入",
    "The library %1 has no indexed images yet: add a folder and let indexing run": "纹样库 %1 中还没有已建立索引的图像：请添加一个文件夹并等待建立索引",
    # Results export (ui/MainWindow, core/export)
    "Export results as &CSV…": "将结果导出为 CSV(&C)…",
    "Export contact &sheet (PDF)…": "导出缩略图总览表 PDF(&S)…",
    "Export results as CSV": "将结果导出为 CSV",
    "CSV files (*.csv)": "CSV 文件 (*.csv)",
    "Export contact sheet": "导出缩略图总览表",
    "PDF files (*.pdf)": "PDF 文件 (*.pdf)",
    "%1 matches": "%1 的匹配结果",
    "Saved %1": "已保存 %1",
    "The results could not be saved.\n%1": "无法保存结果。\n%1",
    "Swatch looked up on %1": "布样检索于 %1",
    "%n match(es), best first": "%n 个匹配结果，最相似的在前",
    "Page %1 of %2": "第 %1 页，共 %2 页",
    "This image cannot be read": "无法读取此图像",
    "#%1  ·  score %2": "#%1  ·  得分 %2",
    "Matches for %1": "%1 的匹配结果",
    "Cannot write the contact sheet %1: check that its folder exists and is writable.":
        "无法写入缩略图总览表 %1：请检查其文件夹是否存在且可写。",
    "Cannot write the contact sheet %1: the disk may be full.": "无法写入缩略图总览表 %1：磁盘可能已满。",
    # Folder watching (ui/MainWindow)
    "too many folders to watch for changes (%n not watched): the library is rescanned every %1 minutes":
        "要监视变化的文件夹过多（%n 个未监视）：纹样库每 %1 分钟重新扫描一次",
    # Duplicates and colourways (core/pipeline/DuplicateFinder, ui/DuplicatesDialog)
    "The library's method keeps no colour in its fingerprints (hsv=0), so copies cannot be told from colourways; index the library with a colour share":
        "纹样库的方法在特征中不保留颜色（hsv=0），因此无法区分重复与配色；请用含颜色权重的方法为纹样库建立索引",
    "%1 holds no indexed images yet": "%1 中还没有已建立索引的图像",
    "No library with a loaded model is open, so its patterns cannot be compared": "没有打开已加载模型的纹样库，因此无法比较纹样",
    "Find &duplicates and colourways…": "查找重复与配色(&D)…",
    "Duplicates": "重复",
    "Colourways": "配色",
    "%1 · %n pattern(s)\n%2": "%1 · %n 个纹样\n%2",
    "%1 × %2 px": "%1 × %2 像素",
    "%1\nPattern alike %2, colours alike %3 (1 is the same)": "%1\n纹样相似度 %2，颜色相似度 %3（1 表示相同）",
    "Stop": "停止",
    "Duplicates and colourways": "重复与配色",
    "Stop looking; the groups found so far are shown": "停止查找；显示目前已找到的组",
    "Groups found": "找到的组",
    "Patterns of the group": "组内纹样",
    "Open the selected pattern in the system's image viewer": "在系统图像查看器中打开所选纹样",
    "Show the selected pattern in the file manager": "在文件管理器中显示所选纹样",
    "Find again": "重新查找",
    "Look through the patterns again, with what was indexed since": "重新查找，包括此后新建立索引的纹样",
    "Patterns of one print in the whole library": "整个纹样库中同一印花的纹样",
    "Patterns of one print in %1": "%1 中同一印花的纹样",
    "Comparing every pattern with the ones closest to it…": "正在将每个纹样与最接近它的纹样比较…",
    "%1 of %2 patterns": "%1 / %2 个纹样",
    "No duplicates or colourways among %n pattern(s).": "在 %n 个纹样中没有找到重复或配色。",
    "Among %n pattern(s): ": "在 %n 个纹样中：",
    "%n group(s) of duplicates": "%n 组重复",
    "%n group(s) of colourways": "%n 组配色",
    "Duplicates are the same print in the same colours (resized, saved again, cropped a little); colourways the same print in other colours. Nothing is deleted here.":
        "重复是颜色相同的同一印花（缩放、另存或略有裁剪）；配色是其他颜色的同一印花。此处不会删除任何文件。",
    "Stopped after %1 of %2 patterns.": "已比较 %2 个纹样中的 %1 个，已停止。",
    "The patterns could not be compared: %1": "无法比较纹样：%1",
    "%n pattern(s) of one print in the same colours, the largest first": "颜色相同的同一印花，共 %n 个纹样，最大的在前",
    "One print in %n pattern(s) of other colours, the largest first": "同一印花的 %n 个不同配色纹样，最大的在前",
}


def english_plural(source, plural):
    # "%n image(s) indexed" -> "%n image indexed" / "%n images indexed"
    return re.sub(r"\((\w+)\)", (r"\1" if plural else ""), source).replace("file(s)", "files" if plural else "file")


def fill(path, translate, numerus_forms):
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        if message.get("numerus") == "yes":
            forms = numerus_forms(source)
            if forms is None:
                missing.append(source)
                continue
            for form in forms:
                element = ET.SubElement(translation, "numerusform")
                element.text = form
        else:
            text = translate(source)
            if text is None:
                missing.append(source)
                continue
            translation.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    # lupdate writes <!DOCTYPE TS>; keep the file as Linguist expects it.
    content = Path(path).read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in content:
        content = content.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    Path(path).write_text(content, encoding="utf-8")
    return missing


root = Path(__file__).resolve().parent
missing = fill(root / "weft_en.ts", lambda s: s, lambda s: [english_plural(s, False), english_plural(s, True)])
missing += fill(root / "weft_zh_CN.ts", ZH.get, lambda s: [ZH[s]] if s in ZH else None)
if missing:
    print("No translation for:", *missing, sep="\n  ", file=sys.stderr)
    sys.exit(1)
