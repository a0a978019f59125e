<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MethodSettings</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Colour weight</source>
        <translation>颜色权重</translation>
    </message>
    <message>
        <source>Component detector</source>
        <translation>纹样元素检测器</translation>
    </message>
    <message>
        <source>None (whole image only)</source>
        <translation>无（仅整幅图像）</translation>
    </message>
    <message>
        <source>Repeated motif (finds the pattern's repeating element)</source>
        <translation>重复纹样元素（查找纹样中重复出现的元素）</translation>
    </message>
    <message>
        <source>Objects (YOLO, COCO classes)</source>
        <translation>物体（YOLO，COCO 类别）</translation>
    </message>
    <message>
        <source>Objects and their outlines (Mask R-CNN, COCO classes)</source>
        <translation>物体及其轮廓（Mask R-CNN，COCO 类别）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Finds textile patterns by what they look like.</source>
        <translation>按外观查找纺织纹样。</translation>
    </message>
    <message>
        <source>Library folder (default: the one in the settings).</source>
        <translation>纹样库文件夹（默认：设置中的文件夹）。</translation>
    </message>
    <message>
        <source>Method settings overriding the settings, e.g. size=64,grid=0.</source>
        <translation>覆盖设置的方法参数，例如 size=64,grid=0。</translation>
    </message>
    <message>
        <source>Drop IMAGE onto the window once the library is up to date, print the milliseconds from the drop to the results being shown, and quit.</source>
        <translation>纹样库更新完成后把 IMAGE 拖放到窗口上，打印从拖放到显示结果所用的毫秒数，然后退出。</translation>
    </message>
    <message>
        <source>With --measure-drop: how many drops (default 5).</source>
        <translation>与 --measure-drop 一起使用：拖放次数（默认 5）。</translation>
    </message>
    <message>
        <source>Folders of patterns to add to the library; an image file is looked up.</source>
        <translation>要加入纹样库的纹样文件夹；若为图像文件则对其进行检索。</translation>
    </message>
</context>
<context>
    <name>weft::Catalog</name>
    <message>
        <source>%1 is already part of the library through %2.</source>
        <translation>%1 已经通过 %2 包含在纹样库中。</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: the Qt SQLite driver (QSQLITE) is not available; reinstall Weft.</source>
        <translation>无法打开目录数据库 %1：Qt SQLite 驱动（QSQLITE）不可用；请重新安装 Weft。</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: %2</source>
        <translation>无法打开目录数据库 %1：%2</translation>
    </message>
    <message>
        <source>The catalog %1 was made by a newer version of Weft (catalog schema %2, this version reads up to %3); it was left unchanged.</source>
        <translation>目录数据库 %1 由更新版本的 Weft 创建（数据库结构版本 %2，本版本最高只能读取 %3）；未对其作任何改动。</translation>
    </message>
    <message>
        <source>Cannot create the catalog in %1: the folder does not exist</source>
        <translation>无法在 %1 中创建目录数据库：该文件夹不存在</translation>
    </message>
    <message>
        <source>Cannot create the catalog in %1: the folder is not writable</source>
        <translation>无法在 %1 中创建目录数据库：该文件夹不可写</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: it is not a file</source>
        <translation>无法打开目录数据库 %1：它不是文件</translation>
    </message>
    <message>
        <source>Cannot open %1: it is an SQLite database but not a Weft catalog; it was left unchanged.</source>
        <translation>无法打开 %1：它是 SQLite 数据库，但不是 Weft 的目录数据库；未对其作任何改动。</translation>
    </message>
    <message>
        <source>The catalog %1 is at schema version %2, newer than the requested %3; it was left unchanged.</source>
        <translation>目录数据库 %1 的结构版本为 %2，比所需的 %3 更新；未对其作任何改动。</translation>
    </message>
    <message>
        <source>The catalog %1 (schema %2) must be upgraded to schema %3, but it is read-only; make the file and its folder writable and open the library again.</source>
        <translation>目录数据库 %1（结构版本 %2）需要升级到版本 %3，但它是只读的；请让该文件及其所在文件夹可写，然后重新打开纹样库。</translation>
    </message>
    <message>
        <source>Could not add the folder %1 to the catalog %2: it was not stored.</source>
        <translation>无法把文件夹 %1 加入目录数据库 %2：未能保存。</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: it is not a Weft catalog or it is damaged (%2). Move it aside to have a new one created.</source>
        <translation>无法打开目录数据库 %1：它不是 Weft 的目录数据库，或已损坏（%2）。请把它移到别处，Weft 会新建一个。</translation>
    </message>
    <message>
        <source>Cannot read the catalog %1: %2</source>
        <translation>无法读取目录数据库 %1：%2</translation>
    </message>
    <message>
        <source>That collection is no longer in the library; it may have been deleted.</source>
        <translation>该收藏集已不在纹样库中，可能已被删除。</translation>
    </message>
    <message>
        <source>A collection needs a name.</source>
        <translation>收藏集需要一个名称。</translation>
    </message>
    <message>
        <source>There is already a collection called “%1”.</source>
        <translation>已有名为“%1”的收藏集。</translation>
    </message>
    <message>
        <source>Favourites cannot be renamed or deleted.</source>
        <translation>收藏夹不能重命名或删除。</translation>
    </message>
    <message>
        <source>That pattern is no longer in the library, so it cannot be added to a collection.</source>
        <translation>该纹样已不在纹样库中，因此无法加入收藏集。</translation>
    </message>
    <message>
        <source>its fingerprint of %1 bytes is not a stored vector</source>
        <translation>其 %1 字节的指纹不是有效的存储向量</translation>
    </message>
    <message>
        <source>its fingerprint has the unknown encoding %1</source>
        <translation>其指纹的编码 %1 未知</translation>
    </message>
    <message>
        <source>its fingerprint is %1 bytes, not a whole number of float32 values</source>
        <translation>其指纹为 %1 字节，不是整数个 float32 数值</translation>
    </message>
    <message>
        <source>its fingerprint holds a value that is not a number</source>
        <translation>其指纹含有非数值</translation>
    </message>
    <message>
        <source>The catalog %1 is empty (0 bytes): it was cut short, by a full disk or an interrupted copy. Restore it from a backup, or move it aside and index the library's folders again to make a new one.</source>
        <translation>目录数据库 %1 为空（0 字节）：它因磁盘已满或复制中断而被截断。请从备份恢复，或将其移到别处，再重新索引纹样库的文件夹以新建目录数据库。</translation>
    </message>
    <message>
        <source>its entry has the unknown status %1</source>
        <translation>其条目的状态 %1 未知</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged for %2: %3. Run `weft-cli repair` or Repair in Weft to have the image indexed again.</source>
        <translation>目录数据库 %1 中 %2 的条目已损坏：%3。请运行 `weft-cli repair` 或在 Weft 中点击“修复”，以重新索引该图像。</translation>
    </message>
    <message>
        <source>the mask of its component %1 is not a %2x%3 PNG</source>
        <translation>其纹样元素 %1 的遮罩不是 %2x%3 的 PNG</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged (it has no generation counter): run `weft-cli repair` or Repair in Weft to save what can be read into a new catalog.</source>
        <translation>目录数据库 %1 已损坏（缺少代数计数器）：请运行 `weft-cli repair` 或在 Weft 中点击“修复”，把仍可读取的内容保存到新的目录数据库。</translation>
    </message>
    <message>
        <source>SQLite cannot check it: %1</source>
        <translation>SQLite 无法检查它：%1</translation>
    </message>
    <message>
        <source>SQLite stopped checking it: %1</source>
        <translation>SQLite 检查中途停止：%1</translation>
    </message>
    <message>
        <source>it has no generation counter</source>
        <translation>它缺少代数计数器</translation>
    </message>
    <message>
        <source>Nothing in the catalog %1 can be read (%2), so it cannot be repaired. Restore it from a backup, or move it aside and index the library's folders again to make a new one.</source>
        <translation>目录数据库 %1 中没有任何可读取的内容（%2），因此无法修复。请从备份恢复，或将其移到别处，再重新索引纹样库的文件夹以新建目录数据库。</translation>
    </message>
    <message>
        <source>it holds no Weft tables</source>
        <translation>其中没有 Weft 的数据表</translation>
    </message>
    <message>
        <source>The catalog %1 was made by a newer version of Weft (catalog schema %2); repair it with that version.</source>
        <translation>目录数据库 %1 由较新版本的 Weft 创建（目录结构版本 %2）；请用该版本修复。</translation>
    </message>
    <message>
        <source>Cannot keep a copy of the damaged catalog as %1; nothing was changed.</source>
        <translation>无法将损坏的目录数据库副本保存为 %1；未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot move %1 beside the copy of the damaged catalog; nothing was changed.</source>
        <translation>无法将 %1 移到损坏的目录数据库副本旁边；未做任何更改。</translation>
    </message>
    <message>
        <source>%1. The file is damaged: run `weft-cli repair` or Repair in Weft to save what can be read into a new catalog</source>
        <translation>%1。该文件已损坏：请运行 `weft-cli repair` 或在 Weft 中点击“修复”，把仍可读取的内容保存到新的目录数据库</translation>
    </message>
</context>
<context>
    <name>weft::ContactSheet</name>
    <message>
        <source>Swatch looked up on %1</source>
        <translation>布样检索于 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), best first</source>
        <translation><numerusform>%n 个匹配结果，最相似的在前</numerusform></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>This image cannot be read</source>
        <translation>无法读取此图像</translation>
    </message>
    <message>
        <source>#%1  ·  score %2</source>
        <translation>#%1  ·  得分 %2</translation>
    </message>
    <message>
        <source>Matches for %1</source>
        <translation>%1 的匹配结果</translation>
    </message>
    <message>
        <source>Cannot write the contact sheet %1: check that its folder exists and is writable.</source>
        <translation>无法写入缩略图总览表 %1：请检查其文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>Cannot write the contact sheet %1: the disk may be full.</source>
        <translation>无法写入缩略图总览表 %1：磁盘可能已满。</translation>
    </message>
</context>
<context>
    <name>weft::ContentHash</name>
    <message>
        <source>Cannot fingerprint %1: %2</source>
        <translation>无法计算 %1 的指纹：%2</translation>
    </message>
</context>
<context>
    <name>weft::DiskFull</name>
    <message>
        <source>Cannot write to %1: its disk is full (%2 free, at least %3 needed). Free some space on %4 and try again.</source>
        <translation>无法写入 %1：其所在磁盘已满（剩余 %2，至少需要 %3）。请在 %4 上腾出空间后重试。</translation>
    </message>
</context>
<context>
    <name>weft::DuplicateFinder</name>
    <message>
        <source>The library's method keeps no colour in its fingerprints (hsv=0), so copies cannot be told from colourways; index the library with a colour share</source>
        <translation>纹样库的方法在特征中不保留颜色（hsv=0），因此无法区分重复与配色；请用含颜色权重的方法为纹样库建立索引</translation>
    </message>
    <message>
        <source>The library %1 has no indexed images yet: add a folder and let indexing run</source>
        <translation>纹样库 %1 中还没有已建立索引的图像：请添加一个文件夹并等待建立索引</translation>
    </message>
    <message>
        <source>%1 holds no indexed images yet</source>
        <translation>%1 中还没有已建立索引的图像</translation>
    </message>
</context>
<context>
    <name>weft::ImageDecoder</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an image Weft can read (%2)</source>
        <translation>%1 不是 Weft 能读取的图像（%2）</translation>
    </message>
    <message>
        <source>the file is truncated or damaged (%1)</source>
        <translation>文件不完整或已损坏（%1）</translation>
    </message>
    <message>
        <source>the data is truncated or damaged (%1)</source>
        <translation>数据不完整或已损坏（%1）</translation>
    </message>
    <message>
        <source>there is not enough memory to decode it</source>
        <translation>内存不足，无法解码</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels, larger than the limit of %4 megapixels; it may be a decompression bomb</source>
        <translation>%1 为 %2×%3 像素，超过 %4 百万像素的上限；它可能是“解压炸弹”</translation>
    </message>
    <message>
        <source>Premature end of JPEG file</source>
        <translation>JPEG 文件提前结束</translation>
    </message>
    <message>
        <source>the pixel data stops early</source>
        <translation>像素数据提前结束</translation>
    </message>
    <message>
        <source>Cannot read an image: no file name was given</source>
        <translation>无法读取图像：未给出文件名</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
    <message>
        <source>The pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
    <message>
        <source>there is no image data</source>
        <translation>没有图像数据</translation>
    </message>
    <message>
        <source>%1 is a HEIC/HEIF image, but the HEIF library on this computer (libheif %2) cannot decode its compression (%3). Install libheif's decoders (on Debian and Ubuntu: the packages libheif1 and libde265-0, or libheif-plugin-libde265 where it exists), or save the photo as JPEG</source>
        <translation>%1 是 HEIC/HEIF 图像，但本机的 HEIF 库（libheif %2）无法解码其压缩格式（%3）。请安装 libheif 的解码器（Debian 和 Ubuntu：软件包 libheif1 和 libde265-0，较新版本为 libheif-plugin-libde265），或将照片另存为 JPEG</translation>
    </message>
    <message>
        <source>%1 is larger than the HEIF library decodes (%2); it may be a decompression bomb</source>
        <translation>%1 超出 HEIF 库可解码的大小（%2）；它可能是解压炸弹</translation>
    </message>
    <message>
        <source>it is in %1 format; Weft reads JPEG, PNG, TIFF, BMP, WebP and HEIC</source>
        <translation>它是 %1 格式；Weft 可读取 JPEG、PNG、TIFF、BMP、WebP 和 HEIC</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels at %4 bytes per pixel: decoding it would take %5 MB, more than the %6 MB Weft sets aside for decoding images</source>
        <translation>%1 为 %2×%3 像素，每像素 %4 字节：解码需要 %5 MB，超过 Weft 为解码图像预留的 %6 MB</translation>
    </message>
</context>
<context>
    <name>weft::Indexer</name>
    <message>
        <source>Cannot index %1: %2</source>
        <translation>无法为 %1 建立索引：%2</translation>
    </message>
</context>
<context>
    <name>weft::Library</name>
    <message>
        <source>Cannot create the library folder %1: check that its parent exists and is writable</source>
        <translation>无法创建纹样库文件夹 %1：请检查其上级文件夹是否存在且可写</translation>
    </message>
    <message>
        <source>The library %1 is in use by another Weft program (%2, process %3); close it first</source>
        <translation>纹样库 %1 正被另一个 Weft 程序使用（%2，进程 %3）；请先关闭它</translation>
    </message>
    <message>
        <source>Cannot lock the library %1: the folder is not writable</source>
        <translation>无法锁定纹样库 %1：该文件夹不可写</translation>
    </message>
    <message>
        <source>There is no Weft library in %1 yet: index some folders into it first</source>
        <translation>%1 中还没有 Weft 纹样库：请先为一些文件夹建立索引</translation>
    </message>
    <message>
        <source>its fingerprint has %1 values where the others have %2</source>
        <translation>其指纹有 %1 个数值，而其他的有 %2 个</translation>
    </message>
    <message>
        <source>The catalog entry for %1 is damaged (%2): it was set aside, and the next indexing describes the image anew</source>
        <translation>%1 在目录数据库中的条目已损坏（%2）：已将其搁置，下次索引时会重新描述该图像</translation>
    </message>
    <message>
        <source>The catalog entry for %1 is damaged (%2): it is left out of searches until `weft-cli repair` or Repair in Weft sets it aside to be indexed again</source>
        <translation>%1 在目录数据库中的条目已损坏（%2）：在 `weft-cli repair` 或 Weft 中的“修复”将其搁置并重新索引之前，搜索中不会包含它</translation>
    </message>
    <message>
        <source>Cannot lock the library %1: its lock file %2 cannot be written</source>
        <translation>无法锁定纹样库 %1：无法写入其锁文件 %2</translation>
    </message>
    <message>
        <source>%1 is a file, not a library folder: name a folder for the library (a new one is made where none exists)</source>
        <translation>%1 是一个文件，不是纹样库文件夹：请为纹样库指定一个文件夹（不存在时会新建）</translation>
    </message>
</context>
<context>
    <name>weft::LibraryRepair</name>
    <message>
        <source>There is no Weft library in %1 to repair: it has no catalog.sqlite</source>
        <translation>%1 中没有可修复的 Weft 纹样库：其中没有 catalog.sqlite</translation>
    </message>
    <message>
        <source>The library %1 is read-only, so it cannot be repaired: make its folder and catalog.sqlite writable and run the repair again.</source>
        <translation>纹样库 %1 是只读的，因此无法修复：请将其文件夹和 catalog.sqlite 设为可写，然后再次修复。</translation>
    </message>
</context>
<context>
    <name>weft::ModelStore</name>
    <message>
        <source>Cannot read model file %1: %2</source>
        <translation>无法读取模型文件 %1：%2</translation>
    </message>
    <message>
        <source> To get it: %1.</source>
        <translation>获取方法：%1。</translation>
    </message>
    <message>
        <source>Model '%1' is missing: %2 does not exist.%3 Set WEFT_MODEL_DIR to use another model folder.</source>
        <translation>缺少模型“%1”：%2 不存在。%3 如需使用其他模型文件夹，请设置 WEFT_MODEL_DIR。</translation>
    </message>
    <message>
        <source>Model '%1' at %2 has no recorded checksum (%2.sha256).%3</source>
        <translation>位于 %2 的模型“%1”没有记录的校验和（%2.sha256）。%3</translation>
    </message>
    <message>
        <source>Model '%1' at %2 is damaged or a different file: it has %3 bytes, expected %4.%5</source>
        <translation>位于 %2 的模型“%1”已损坏或不是预期的文件：大小为 %3 字节，应为 %4 字节。%5</translation>
    </message>
    <message>
        <source>Model '%1' at %2 is damaged or a different file: its SHA-256 is %3, expected %4.%5</source>
        <translation>位于 %2 的模型“%1”已损坏或不是预期的文件：其 SHA-256 为 %3，应为 %4。%5</translation>
    </message>
</context>
<context>
    <name>weft::QueryEngine</name>
    <message>
        <source>%1 is not indexed in this library yet, so there is nothing to compare it by; wait for indexing to reach it or drop it in as a swatch</source>
        <translation>%1 尚未在此纹样库中建立索引，因此无从比较；请等索引处理到它，或把它作为布样拖入</translation>
    </message>
    <message>
        <source>The library %1 has no indexed images yet: add a folder and let indexing run</source>
        <translation>纹样库 %1 中还没有已建立索引的图像：请添加一个文件夹并等待建立索引</translation>
    </message>
    <message>
        <source>This library's fingerprints keep no colours (its method has hsv=0), so it cannot be searched by colour; choose a colour share above 0 in the settings and index again</source>
        <translation>此纹样库的特征指纹不含颜色（其方法设置为 hsv=0），因此无法按颜色检索；请在设置中把颜色占比设为大于 0，然后重新建立索引</translation>
    </message>
</context>
<context>
    <name>weft::RegularFile</name>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>it links to %1, which is %2, not an image file</source>
        <translation>它链接到 %1，那是%2，不是图像文件</translation>
    </message>
    <message>
        <source>it is %1, not an image file</source>
        <translation>它是%1，不是图像文件</translation>
    </message>
    <message>
        <source>it links to %1, which does not exist</source>
        <translation>它链接到 %1，但该目标不存在</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>it is a symbolic link that leads back to itself (a link loop)</source>
        <translation>它是指回自身的符号链接（链接循环）</translation>
    </message>
    <message>
        <source>you do not have permission to read it</source>
        <translation>你没有读取它的权限</translation>
    </message>
</context>
<context>
    <name>weft::Scanner</name>
    <message>
        <source>%1 is gone: it was deleted or moved while the library was scanned</source>
        <translation>%1 已不存在：扫描纹样库时它被删除或移走了</translation>
    </message>
</context>
<context>
    <name>weft::ShownMotifs</name>
    <message>
        <source>Motif %1</source>
        <translation>纹样 %1</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>纹样</translation>
    </message>
    <message>
        <source>repeat of %1</source>
        <translation>重复 %1 次</translation>
    </message>
    <message>
        <source>found once</source>
        <translation>仅出现一次</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>weft::ui::BrowseModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
%2, modified %3</source>
        <translation>%1
%2，修改于 %3</translation>
    </message>
</context>
<context>
    <name>weft::ui::BrowseView</name>
    <message>
        <source>Find patterns like this</source>
        <translation>查找与此相似的纹样</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date modified, newest first</source>
        <translation>修改日期，最新的在前</translation>
    </message>
    <message>
        <source>Size, largest first</source>
        <translation>大小，最大的在前</translation>
    </message>
    <message>
        <source>The order of the patterns</source>
        <translation>纹样的排列顺序</translation>
    </message>
    <message>
        <source>Search the library for patterns like the selected one</source>
        <translation>在纹样库中查找与所选纹样相似的纹样</translation>
    </message>
    <message>
        <source>Patterns of the folder</source>
        <translation>文件夹中的纹样</translation>
    </message>
    <message>
        <source>The folder's patterns cannot be listed: %1</source>
        <translation>无法列出该文件夹中的纹样：%1</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>正在读取文件夹…</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in the library</source>
        <translation><numerusform>纹样库中有 %n 个纹样</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in %1</source>
        <translation><numerusform>%1 中有 %n 个纹样</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::CollectionActions</name>
    <message>
        <source>Mark the selected pattern as a favourite, or no longer</source>
        <translation>将所选纹样加入收藏夹，或从中取消</translation>
    </message>
    <message>
        <source>Remove from &amp;favourites</source>
        <translation>从收藏夹移除(&amp;F)</translation>
    </message>
    <message>
        <source>Add to &amp;favourites</source>
        <translation>加入收藏夹(&amp;F)</translation>
    </message>
    <message>
        <source>Add to &amp;collection</source>
        <translation>加入收藏集(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New collection…</source>
        <translation>新建收藏集(&amp;N)…</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>新建收藏集</translation>
    </message>
    <message>
        <source>Remove from “%1”</source>
        <translation>从“%1”中移除</translation>
    </message>
</context>
<context>
    <name>weft::ui::CollectionsPanel</name>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collections&lt;/b&gt;</source>
        <translation>&lt;b&gt;收藏集&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>收藏集</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>纹样</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>收藏集</translation>
    </message>
    <message>
        <source>Click a collection to see its patterns</source>
        <translation>点击收藏集查看其中的纹样</translation>
    </message>
    <message>
        <source>Make a new, empty collection</source>
        <translation>新建一个空收藏集</translation>
    </message>
    <message>
        <source>Rename the selected collection</source>
        <translation>重命名所选收藏集</translation>
    </message>
    <message>
        <source>Delete the selected collection (its patterns stay in the library)</source>
        <translation>删除所选收藏集（其中的纹样仍保留在纹样库中）</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>新建收藏集</translation>
    </message>
    <message>
        <source>Rename collection</source>
        <translation>重命名收藏集</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>删除收藏集</translation>
    </message>
    <message>
        <source>Delete the collection “%1”? Its patterns stay in the library.</source>
        <translation>删除收藏集“%1”？其中的纹样仍保留在纹样库中。</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>收藏夹</translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation>收藏集名称：</translation>
    </message>
</context>
<context>
    <name>weft::ui::CompareView</name>
    <message>
        <source>Where the swatch sits in this pattern</source>
        <translation>布样在此纹样中的位置</translation>
    </message>
    <message>
        <source>No motifs were found in these images.</source>
        <translation>在这些图像中未找到纹样。</translation>
    </message>
</context>
<context>
    <name>weft::ui::ComponentInspector</name>
    <message>
        <source>Show components</source>
        <translation>显示纹样元素</translation>
    </message>
    <message>
        <source>Open a library image to see the components found in it.</source>
        <translation>打开一张库内图像，查看其中找到的纹样元素。</translation>
    </message>
    <message>
        <source>Open library image…</source>
        <translation>打开库内图像…</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>无法显示 %1：%2</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>纹样</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>How much of the picture the motif covers</source>
        <translation>纹样占图像的比例</translation>
    </message>
    <message>
        <source>How sure the detector is that this is a motif</source>
        <translation>检测器对这是一个纹样的把握程度</translation>
    </message>
    <message>
        <source>%1: no motifs were found in this image.</source>
        <translation>%1：在此图像中未找到纹样。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n motif(s)</source>
        <translation><numerusform>%1：%n 个纹样</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(%n more outline(s) on the garment's edges and folds or on the wearer not shown)</source>
        <translation><numerusform>（另有 %n 个位于衣物边缘、褶皱或穿着者身上的轮廓未显示）</numerusform></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>At %1, %2 in the picture's pixels, %3 × %4 pixels; confidence %5 %</source>
        <translation>位于图像像素坐标 %1, %2，大小 %3 × %4 像素；置信度 %5%</translation>
    </message>
</context>
<context>
    <name>weft::ui::DuplicateGroupsModel</name>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Colourways</source>
        <translation>配色</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n pattern(s)
%2</source>
        <translation><numerusform>%1 · %n 个纹样
%2</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::DuplicateImagesModel</name>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <source>%1
Pattern alike %2, colours alike %3 (1 is the same)</source>
        <translation>%1
纹样相似度 %2，颜色相似度 %3（1 表示相同）</translation>
    </message>
</context>
<context>
    <name>weft::ui::DuplicatesDialog</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Duplicates and colourways</source>
        <translation>重复与配色</translation>
    </message>
    <message>
        <source>Stop looking; the groups found so far are shown</source>
        <translation>停止查找；显示目前已找到的组</translation>
    </message>
    <message>
        <source>Groups found</source>
        <translation>找到的组</translation>
    </message>
    <message>
        <source>Patterns of the group</source>
        <translation>组内纹样</translation>
    </message>
    <message>
        <source>Open the selected pattern in the system's image viewer</source>
        <translation>在系统图像查看器中打开所选纹样</translation>
    </message>
    <message>
        <source>Show the selected pattern in the file manager</source>
        <translation>在文件管理器中显示所选纹样</translation>
    </message>
    <message>
        <source>Find again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Look through the patterns again, with what was indexed since</source>
        <translation>重新查找，包括此后新建立索引的纹样</translation>
    </message>
    <message>
        <source>Patterns of one print in the whole library</source>
        <translation>整个纹样库中同一印花的纹样</translation>
    </message>
    <message>
        <source>Patterns of one print in %1</source>
        <translation>%1 中同一印花的纹样</translation>
    </message>
    <message>
        <source>Comparing every pattern with the ones closest to it…</source>
        <translation>正在将每个纹样与最接近它的纹样比较…</translation>
    </message>
    <message>
        <source>%1 of %2 patterns</source>
        <translation>%1 / %2 个纹样</translation>
    </message>
    <message numerus="yes">
        <source>No duplicates or colourways among %n pattern(s).</source>
        <translation><numerusform>在 %n 个纹样中没有找到重复或配色。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Among %n pattern(s): </source>
        <translation><numerusform>在 %n 个纹样中：</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of duplicates</source>
        <translation><numerusform>%n 组重复</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of colourways</source>
        <translation><numerusform>%n 组配色</numerusform></translation>
    </message>
    <message>
        <source>Duplicates are the same print in the same colours (resized, saved again, cropped a little); colourways the same print in other colours. Nothing is deleted here.</source>
        <translation>重复是颜色相同的同一印花（缩放、另存或略有裁剪）；配色是其他颜色的同一印花。此处不会删除任何文件。</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 patterns.</source>
        <translation>已比较 %2 个纹样中的 %1 个，已停止。</translation>
    </message>
    <message>
        <source>The patterns could not be compared: %1</source>
        <translation>无法比较纹样：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) of one print in the same colours, the largest first</source>
        <translation><numerusform>颜色相同的同一印花，共 %n 个纹样，最大的在前</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>One print in %n pattern(s) of other colours, the largest first</source>
        <translation><numerusform>同一印花的 %n 个不同配色纹样，最大的在前</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::DuplicatesWorker</name>
    <message>
        <source>No library with a loaded model is open, so its patterns cannot be compared</source>
        <translation>没有打开已加载模型的纹样库，因此无法比较纹样</translation>
    </message>
</context>
<context>
    <name>weft::ui::FailedFilesDialog</name>
    <message>
        <source>Files that could not be indexed</source>
        <translation>无法建立索引的文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>复制列表</translation>
    </message>
    <message>
        <source>Every file was read.</source>
        <translation>所有文件均已读取。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be indexed. Fix or replace them and press Rescan; they are tried again when they change.</source>
        <translation><numerusform>%n 个文件无法建立索引。请修复或替换这些文件后点击“重新扫描”；文件改动后会再次尝试。</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::IndexingStatus</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Pause indexing; searching goes on</source>
        <translation>暂停建立索引；检索仍可进行</translation>
    </message>
    <message>
        <source>Stop indexing; what is done is kept and the next rescan continues</source>
        <translation>停止建立索引；已完成的部分会保留，下次重新扫描时继续</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>estimating time left</source>
        <translation>正在估算剩余时间</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>剩余 %1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>剩余 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 images/s, %2</source>
        <translation>每秒 %1 张，%2</translation>
    </message>
    <message>
        <source>Looking for new and changed files…</source>
        <translation>正在查找新增和改动的文件…</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <source>Indexing %1</source>
        <translation>正在为 %1 建立索引</translation>
    </message>
    <message>
        <source>Indexing paused; searching still works</source>
        <translation>索引已暂停；检索仍可使用</translation>
    </message>
    <message>
        <source>Stopping after the current image…</source>
        <translation>处理完当前图像后停止…</translation>
    </message>
</context>
<context>
    <name>weft::ui::LibraryHost</name>
    <message>
        <source>The library folder %1 is not writable.</source>
        <translation>纹样库文件夹 %1 不可写。</translation>
    </message>
    <message>
        <source>The library is open read-only, so no folder can be added now.</source>
        <translation>纹样库以只读方式打开，目前无法添加文件夹。</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>The library is open read-only, so no folder can be removed now.</source>
        <translation>纹样库以只读方式打开，目前无法移除文件夹。</translation>
    </message>
    <message>
        <source>The library is open read-only, so its collections cannot be changed now.</source>
        <translation>纹样库以只读方式打开，因此现在无法更改其收藏集。</translation>
    </message>
</context>
<context>
    <name>weft::ui::LibraryPanel</name>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Failed files…</source>
        <translation>失败的文件…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Library folders&lt;/b&gt;</source>
        <translation>&lt;b&gt;纹样库文件夹&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>已索引</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>纹样库文件夹</translation>
    </message>
    <message>
        <source>Add a folder of pattern images to the library and index it</source>
        <translation>把一个纹样图像文件夹加入纹样库并建立索引</translation>
    </message>
    <message>
        <source>Remove the selected folder from the library (the files stay where they are)</source>
        <translation>从纹样库中移除所选文件夹（文件本身保留在原处）</translation>
    </message>
    <message>
        <source>Look for new, changed and deleted files in every folder</source>
        <translation>在所有文件夹中查找新增、改动和已删除的文件</translation>
    </message>
    <message>
        <source>List the files that could not be indexed, with the reason</source>
        <translation>列出无法建立索引的文件及其原因</translation>
    </message>
    <message>
        <source>%1
This folder is not there (unplugged drive?). Its images are kept.</source>
        <translation>%1
找不到此文件夹（驱动器已拔出？）。其中的图像记录会保留。</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
    <message>
        <source>No folders yet. Add the folders of your pattern library to start.</source>
        <translation>还没有文件夹。请先添加纹样库的文件夹。</translation>
    </message>
    <message>
        <source>%1 indexed, %2 failed, %3 pending in all</source>
        <translation>共计：已索引 %1，失败 %2，待处理 %3</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>正在打开纹样库…</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>没有打开的纹样库。</translation>
    </message>
    <message>
        <source>%1
Click to browse its patterns.</source>
        <translation>%1
单击即可浏览其中的纹样。</translation>
    </message>
</context>
<context>
    <name>weft::ui::MainWindow</name>
    <message>
        <source>Weft</source>
        <translation>Weft</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>纹样元素</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>正在打开纹样库…</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>移除文件夹</translation>
    </message>
    <message>
        <source>Remove %1 from the library? Its images leave the library; the files themselves stay where they are.</source>
        <translation>要从纹样库中移除 %1 吗？其中的图像将不再属于纹样库；文件本身保留在原处。</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>没有打开的纹样库。</translation>
    </message>
    <message>
        <source>Weft cannot open the library. Nothing in it was changed.
%1
Choose another library folder in Settings.</source>
        <translation>Weft 无法打开该纹样库，库中内容未作任何改动。
%1
请在“设置”中选择其他纹样库文件夹。</translation>
    </message>
    <message>
        <source>The library is open read-only: you can search, but not add folders or index.
%1</source>
        <translation>纹样库以只读方式打开：可以检索，但不能添加文件夹或建立索引。
%1</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>纹样库文件夹</translation>
    </message>
    <message>
        <source>Indexing stopped: %1</source>
        <translation>建立索引已停止：%1</translation>
    </message>
    <message>
        <source>These folders are not there (unplugged drive?); their images are kept until they come back:
%1</source>
        <translation>找不到以下文件夹（驱动器已拔出？）；其中的图像记录会保留，直到文件夹恢复：
%1</translation>
    </message>
    <message>
        <source>All folders</source>
        <translation>全部文件夹</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Matches, best first</source>
        <translation>匹配结果（最相似的在前）</translation>
    </message>
    <message>
        <source>Select a match to see it beside the swatch.</source>
        <translation>选择一个匹配结果，即可与布样并排查看。</translation>
    </message>
    <message>
        <source>Draw the detected components as outlines and masks</source>
        <translation>以轮廓和蒙版绘制检测到的纹样元素</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (or turn the mouse wheel)</source>
        <translation>放大（或滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Fit both images in the view</source>
        <translation>让两张图像都适合视图大小</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the match in the system's image viewer</source>
        <translation>用系统图像查看器打开匹配图像</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Show the match in the file manager</source>
        <translation>在文件管理器中显示匹配图像</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open swatch…</source>
        <translation>打开布样(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste swatch</source>
        <translation>粘贴布样(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add library folder…</source>
        <translation>添加纹样库文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rescan library</source>
        <translation>重新扫描纹样库(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Inspect library image…</source>
        <translation>查看库内图像(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Match</source>
        <translation>匹配(&amp;M)</translation>
    </message>
    <message>
        <source>Open in &amp;viewer</source>
        <translation>在查看器中打开(&amp;V)</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Inspect components</source>
        <translation>查看纹样元素(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;components</source>
        <translation>显示纹样元素(&amp;C)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Weft</source>
        <translation>关于 Weft(&amp;A)</translation>
    </message>
    <message>
        <source>About Weft</source>
        <translation>关于 Weft</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Weft %1&lt;/h3&gt;&lt;p&gt;Finds textile patterns by what they look like.&lt;/p&gt;&lt;p&gt;Library: %2&lt;br&gt;Method: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Weft %1&lt;/h3&gt;&lt;p&gt;按外观查找纺织纹样。&lt;/p&gt;&lt;p&gt;纹样库：%2&lt;br&gt;方法：%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Weft — %1</source>
        <translation>Weft — %1</translation>
    </message>
    <message>
        <source>The library is empty: add a folder of patterns.</source>
        <translation>纹样库为空：请添加一个纹样文件夹。</translation>
    </message>
    <message>
        <source>Searching for %1…</source>
        <translation>正在检索 %1…</translation>
    </message>
    <message>
        <source>#%1, score %2: %3</source>
        <translation>第 %1 名，得分 %2：%3</translation>
    </message>
    <message>
        <source>Swatch: %1</source>
        <translation>布样：%1</translation>
    </message>
    <message>
        <source>#%1  %2</source>
        <translation>第 %1 名  %2</translation>
    </message>
    <message>
        <source>The clipboard holds no image. Copy an image or an image file, then paste.</source>
        <translation>剪贴板中没有图像。请先复制一张图像或一个图像文件，再粘贴。</translation>
    </message>
    <message>
        <source>That is not an image Weft can read.</source>
        <translation>这不是 Weft 能读取的图像。</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>正在下载 %1…</translation>
    </message>
    <message>
        <source>Cannot download %1: %2</source>
        <translation>无法下载 %1：%2</translation>
    </message>
    <message>
        <source>Stopping indexing; what is done is kept…</source>
        <translation>正在停止建立索引；已完成的部分会保留…</translation>
    </message>
    <message>
        <source>Open swatch</source>
        <translation>打开布样</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图像 (%1)</translation>
    </message>
    <message>
        <source>The library is open read-only, so no folder can be added now.</source>
        <translation>纹样库以只读方式打开，目前无法添加文件夹。</translation>
    </message>
    <message>
        <source>Add a folder of patterns</source>
        <translation>添加纹样文件夹</translation>
    </message>
    <message>
        <source>Inspect library image</source>
        <translation>查看库内图像</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings are not stored in this session.</source>
        <translation>本次会话不保存设置。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Restart Weft to use the new language.</source>
        <translation>重新启动 Weft 后将使用新的语言。</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation>在查看器中打开</translation>
    </message>
    <message>
        <source>Inspect components</source>
        <translation>查看纹样元素</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) indexed</source>
        <translation><numerusform>已索引 %n 张图像</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation><numerusform>%n 个文件夹</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Indexing stopped; %n image(s) left for the next rescan.</source>
        <translation><numerusform>建立索引已停止；还有 %n 张图像留待下次重新扫描。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Indexing done: %n image(s) indexed, %1 failed.</source>
        <translation><numerusform>索引完成：已索引 %n 张图像，失败 %1 张。</numerusform></translation>
    </message>
    <message>
        <source>The model could not be loaded, so Weft cannot index or search yet; the library can still be browsed.
%1
To set the default model up, run this in the Weft source folder, then restart Weft:
    models/setup_models.sh</source>
        <translation>无法加载模型，因此 Weft 暂时不能建立索引或检索；纹样库仍可浏览。
%1
要安装默认模型，请在 Weft 源代码文件夹中运行以下命令，然后重新启动 Weft：
    models/setup_models.sh</translation>
    </message>
    <message>
        <source>Find patterns like this</source>
        <translation>查找与此相似的纹样</translation>
    </message>
    <message>
        <source>Pattern: %1</source>
        <translation>纹样：%1</translation>
    </message>
    <message>
        <source>Search only one library folder, or a folder inside it</source>
        <translation>只在某个纹样库文件夹或其中的子文件夹里检索</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n 个匹配</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in %1</source>
        <translation><numerusform>%1 中有 %n 个匹配</numerusform></translation>
    </message>
    <message>
        <source>Drop the folder to add it to the library</source>
        <translation>松开鼠标即可把该文件夹加入纹样库</translation>
    </message>
    <message>
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>Add the folder “%1” to the library?</source>
        <translation>要把文件夹“%1”加入纹样库吗？</translation>
    </message>
    <message>
        <source>Weft indexes the pattern images in %1 and its subfolders, so that they can be found. The files stay where they are.</source>
        <translation>Weft 会为 %1 及其子文件夹中的纹样图像建立索引，以便检索。文件保留在原处。</translation>
    </message>
    <message>
        <source>Add to library</source>
        <translation>加入纹样库</translation>
    </message>
    <message>
        <source>Copied the picture %1</source>
        <translation>已复制图像 %1</translation>
    </message>
    <message>
        <source>The picture could not be copied.
%1</source>
        <translation>无法复制图像。
%1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the match's picture, to paste it into an image editor</source>
        <translation>复制匹配的图像本身，可粘贴到图像编辑软件中</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;path</source>
        <translation>复制路径(&amp;P)</translation>
    </message>
    <message>
        <source>No application is set up to open %1. Installing xdg-utils and an image viewer sets one up.</source>
        <translation>没有可以打开 %1 的应用程序。安装 xdg-utils 和一个图像查看器即可。</translation>
    </message>
    <message>
        <source>No file manager could show %1, and no application is set up to open its folder %2. Installing xdg-utils and a file manager sets one up.</source>
        <translation>没有文件管理器能显示 %1，也没有可以打开其所在文件夹 %2 的应用程序。安装 xdg-utils 和一个文件管理器即可。</translation>
    </message>
    <message>
        <source>checking the best ones…</source>
        <translation>正在核对最佳匹配…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Show only matches scoring at least this much (1 is an exact copy)</source>
        <translation>只显示得分不低于此值的匹配（1 表示完全相同）</translation>
    </message>
    <message>
        <source>Score at least:</source>
        <translation>最低得分：</translation>
    </message>
    <message>
        <source>%1 scoring %2 or more</source>
        <translation>%1，得分不低于 %2</translation>
    </message>
    <message>
        <source>%1, more as you scroll</source>
        <translation>%1，向下滚动可看更多</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in %1</source>
        <translation><numerusform>%1 中有 %n 个纹样</numerusform></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>The results could not be saved.
%1</source>
        <translation>无法保存结果。
%1</translation>
    </message>
    <message>
        <source>Export results as &amp;CSV…</source>
        <translation>将结果导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export contact &amp;sheet (PDF)…</source>
        <translation>导出缩略图总览表 PDF(&amp;S)…</translation>
    </message>
    <message numerus="yes">
        <source>too many folders to watch for changes (%n not watched): the library is rescanned every %1 minutes</source>
        <translation><numerusform>要监视变化的文件夹过多（%n 个未监视）：纹样库每 %1 分钟重新扫描一次</numerusform></translation>
    </message>
    <message>
        <source>Export results as CSV</source>
        <translation>将结果导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export contact sheet</source>
        <translation>导出缩略图总览表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 的匹配结果</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>All the patterns of the folder, without a search</source>
        <translation>不经检索，浏览该文件夹中的全部纹样</translation>
    </message>
    <message>
        <source>&amp;Matches</source>
        <translation>匹配(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Browse the folder</source>
        <translation>浏览文件夹(&amp;B)</translation>
    </message>
    <message>
        <source>Find &amp;duplicates and colourways…</source>
        <translation>查找重复与配色(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>weft::ui::MessageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>weft::ui::PaletteBar</name>
    <message>
        <source>Colours:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Pick a colour…</source>
        <translation>选择颜色…</translation>
    </message>
    <message>
        <source>Search the library for patterns holding a colour of your choice</source>
        <translation>在纹样库中查找含有所选颜色的纹样</translation>
    </message>
    <message>
        <source>The swatch's main colours: click one to see only the matches holding it</source>
        <translation>布样的主要颜色：点击一种颜色，只显示含有该颜色的匹配结果</translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation>颜色 %1</translation>
    </message>
    <message>
        <source>%1, %2% of the swatch: click to see only the matches holding this colour, click again to see all</source>
        <translation>%1，占布样的 %2%：点击只显示含有此颜色的匹配结果，再次点击显示全部</translation>
    </message>
    <message>
        <source>Search by colour</source>
        <translation>按颜色检索</translation>
    </message>
</context>
<context>
    <name>weft::ui::QueryPanel</name>
    <message>
        <source>&lt;b&gt;Drop a swatch photo here&lt;/b&gt;&lt;br&gt;from the file manager or a browser, paste it with Ctrl+V, or open a file.</source>
        <translation>&lt;b&gt;把布样照片拖放到这里&lt;/b&gt;&lt;br&gt;可从文件管理器或浏览器拖入，也可用 Ctrl+V 粘贴，或打开一个文件。</translation>
    </message>
    <message>
        <source>Open swatch…</source>
        <translation>打开布样…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swatch:&lt;/b&gt; %1&lt;br&gt;Drop, paste or open another to search again.</source>
        <translation>&lt;b&gt;布样：&lt;/b&gt;%1&lt;br&gt;拖放、粘贴或打开另一张图像即可再次检索。</translation>
    </message>
    <message>
        <source>&lt;b&gt;This swatch could not be searched.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;无法检索此布样。&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns like:&lt;/b&gt; %1&lt;br&gt;Drop, paste or open a swatch to search for it.</source>
        <translation>&lt;b&gt;相似纹样：&lt;/b&gt;%1&lt;br&gt;拖放、粘贴或打开布样即可检索它。</translation>
    </message>
    <message>
        <source>Any colourway</source>
        <translation>任意配色</translation>
    </message>
    <message>
        <source>Find the swatch's print in any colourway: its colours are left out of the comparison</source>
        <translation>查找任意配色的同款印花：比较时不考虑布样的颜色</translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns holding&lt;/b&gt; %1&lt;br&gt;Pick another colour, or drop, paste or open a swatch.</source>
        <translation>&lt;b&gt;含有此颜色的纹样：&lt;/b&gt;%1&lt;br&gt;可选择其他颜色，或拖放、粘贴、打开布样。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns like:&lt;/b&gt; %1&lt;br&gt;Only the patterns holding the pressed colours are shown.</source>
        <translation>&lt;b&gt;相似纹样：&lt;/b&gt;%1&lt;br&gt;只显示含有所按下颜色的纹样。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swatch:&lt;/b&gt; %1, its print in any colourway&lt;br&gt;Only the matches holding the pressed colours are shown.</source>
        <translation>&lt;b&gt;布样：&lt;/b&gt;%1，任意配色的同款印花&lt;br&gt;只显示含有所按下颜色的匹配结果。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swatch:&lt;/b&gt; %1&lt;br&gt;Only the matches holding the pressed colours are shown.</source>
        <translation>&lt;b&gt;布样：&lt;/b&gt;%1&lt;br&gt;只显示含有所按下颜色的匹配结果。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swatch:&lt;/b&gt; %1, its print in any colourway&lt;br&gt;Drop, paste or open another to search again.</source>
        <translation>&lt;b&gt;布样：&lt;/b&gt;%1，任意配色的同款印花&lt;br&gt;拖放、粘贴或打开另一张图像即可再次检索。</translation>
    </message>
</context>
<context>
    <name>weft::ui::QueryWorker</name>
    <message>
        <source>Searching needs the model, which is not loaded (see the message at the top of the window).</source>
        <translation>检索需要模型，但模型未加载（见窗口顶部的提示）。</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>没有打开的纹样库。</translation>
    </message>
</context>
<context>
    <name>weft::ui::QuickLookWindow</name>
    <message>
        <source>Quick look</source>
        <translation>快速查看</translation>
    </message>
    <message>
        <source>← → previous and next image · Space or Esc closes</source>
        <translation>← → 上一张和下一张图像 · 按空格键或 Esc 关闭</translation>
    </message>
    <message>
        <source>%1 — %2 × %3 pixels</source>
        <translation>%1 — %2 × %3 像素</translation>
    </message>
    <message>
        <source>%1 — cannot be shown: %2</source>
        <translation>%1 — 无法显示：%2</translation>
    </message>
</context>
<context>
    <name>weft::ui::RegionSearch</name>
    <message>
        <source>region of %1</source>
        <translation>%1 的局部</translation>
    </message>
    <message>
        <source>Cannot search with a part of %1.
%2</source>
        <translation>无法用 %1 的局部进行检索。
%2</translation>
    </message>
    <message>
        <source>That part is too small to search with: drag over at least %1 × %1 pixels of the picture.</source>
        <translation>这个局部太小，无法检索：请在图像上框选至少 %1 × %1 像素。</translation>
    </message>
</context>
<context>
    <name>weft::ui::RegionSelector</name>
    <message>
        <source>Search a region</source>
        <translation>框选局部检索</translation>
    </message>
    <message>
        <source>Search with a part of a picture: click here, then drag a rectangle over the picture. Holding Shift while dragging does the same at any time.</source>
        <translation>用图像的一部分检索：点击此处，然后在图像上拖出一个矩形。任何时候按住 Shift 拖动也可以。</translation>
    </message>
    <message>
        <source>Drag a rectangle over a picture to search with that part (Esc cancels).</source>
        <translation>在图像上拖出一个矩形，用该局部进行检索（按 Esc 取消）。</translation>
    </message>
</context>
<context>
    <name>weft::ui::RepairOffer</name>
    <message numerus="yes">
        <source>• and %n more</source>
        <translation><numerusform>• 另有 %n 个</numerusform></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Repairing the library…</source>
        <translation>正在修复纹样库…</translation>
    </message>
    <message>
        <source>The library could not be repaired.
%1</source>
        <translation>无法修复纹样库。
%1</translation>
    </message>
    <message>
        <source>Weft found damage in the library's catalog:</source>
        <translation>Weft 发现纹样库的目录数据库有损坏：</translation>
    </message>
    <message>
        <source>• the catalog file: %1</source>
        <translation>• 目录数据库文件：%1</translation>
    </message>
    <message>
        <source>These patterns are left out of searches until they are indexed again.</source>
        <translation>在重新索引之前，搜索中不会包含这些纹样。</translation>
    </message>
    <message>
        <source>Repair checks the whole catalog, saves what can still be read, sets damaged entries aside to be indexed again and rebuilds the search index; folders and collections are kept (weft-cli repair does the same).</source>
        <translation>“修复”会检查整个目录数据库，保存仍可读取的内容，把损坏的条目搁置以便重新索引，并重建搜索索引；文件夹和收藏集都会保留。（weft-cli repair 的作用相同。）</translation>
    </message>
    <message>
        <source>checking the catalog file</source>
        <translation>正在检查目录数据库文件</translation>
    </message>
    <message>
        <source>saving what can be read into a new catalog</source>
        <translation>正在把可读取的内容保存到新的目录数据库</translation>
    </message>
    <message>
        <source>checking every entry and rebuilding the search index</source>
        <translation>正在检查每个条目并重建搜索索引</translation>
    </message>
    <message>
        <source>checking the result</source>
        <translation>正在检查结果</translation>
    </message>
    <message>
        <source>opening the library again</source>
        <translation>正在重新打开纹样库</translation>
    </message>
    <message>
        <source>Repairing the library, step %1 of %2: %3…</source>
        <translation>正在修复纹样库，第 %1 步（共 %2 步）：%3…</translation>
    </message>
    <message>
        <source>The repair could not make the catalog sound: %1
Restore catalog.sqlite in %2 from a backup, or move it aside and add the library's folders again.</source>
        <translation>修复未能使目录数据库恢复完好：%1
请从备份恢复 %2 中的 catalog.sqlite，或将其移到别处，再重新添加纹样库的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>Repair finished: nothing in the library is damaged. The search index was rebuilt from %n patterns.</source>
        <translation><numerusform>修复完成：纹样库中没有损坏的内容。搜索索引已根据 %n 个纹样重建。</numerusform></translation>
    </message>
    <message>
        <source>Repair finished.</source>
        <translation>修复完成。</translation>
    </message>
    <message>
        <source>The catalog file was damaged: what could be read was saved into a new catalog, and the damaged file is kept as %1.</source>
        <translation>目录数据库文件已损坏：可读取的内容已保存到新的目录数据库，损坏的文件保留为 %1。</translation>
    </message>
    <message>
        <source>Some entries could not be read and are lost; a rescan finds those patterns again.</source>
        <translation>部分条目无法读取而已丢失；重新扫描会再次找到这些纹样。</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged entries were set aside and are indexed again:</source>
        <translation><numerusform>%n 个损坏的条目已被搁置，将重新索引：</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The search index was rebuilt from %n patterns; folders and collections are kept.</source>
        <translation><numerusform>搜索索引已根据 %n 个纹样重建；文件夹和收藏集均已保留。</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::ResultsModel</name>
    <message>
        <source>%1
Rank %2, score %3</source>
        <translation>%1
第 %2 名，得分 %3</translation>
    </message>
    <message>
        <source>#%1  %2</source>
        <translation>第 %1 名  %2</translation>
    </message>
</context>
<context>
    <name>weft::ui::SearchHistory</name>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Back to the search before (%1)</source>
        <translation>回到上一次检索（%1）</translation>
    </message>
    <message>
        <source>Forward to the search after (%1)</source>
        <translation>前往下一次检索（%1）</translation>
    </message>
</context>
<context>
    <name>weft::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>纹样库文件夹</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>A new language takes effect when Weft is restarted.</source>
        <translation>新语言在重新启动 Weft 后生效。</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>纹样库文件夹：</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>线程数：</translation>
    </message>
    <message>
        <source>Thumbnail size:</source>
        <translation>缩略图大小：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Changing the model, the component detector or the colour weight re-indexes the library with the new method.</source>
        <translation>更改模型、纹样元素检测器或颜色权重后，将用新方法为纹样库重新建立索引。</translation>
    </message>
    <message>
        <source>These settings do not fit together: %1</source>
        <translation>这些设置相互冲突：%1</translation>
    </message>
</context>
<context>
    <name>weft::ui::SwatchSource</name>
    <message>
        <source>pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
</context>
</TS>