<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MethodSettings</name>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Colour weight</source>
        <translation>Colour weight</translation>
    </message>
    <message>
        <source>Component detector</source>
        <translation>Component detector</translation>
    </message>
    <message>
        <source>None (whole image only)</source>
        <translation>None (whole image only)</translation>
    </message>
    <message>
        <source>Repeated motif (finds the pattern's repeating element)</source>
        <translation>Repeated motif (finds the pattern's repeating element)</translation>
    </message>
    <message>
        <source>Objects (YOLO, COCO classes)</source>
        <translation>Objects (YOLO, COCO classes)</translation>
    </message>
    <message>
        <source>Objects and their outlines (Mask R-CNN, COCO classes)</source>
        <translation>Objects and their outlines (Mask R-CNN, COCO classes)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Finds textile patterns by what they look like.</source>
        <translation>Finds textile patterns by what they look like.</translation>
    </message>
    <message>
        <source>Library folder (default: the one in the settings).</source>
        <translation>Library folder (default: the one in the settings).</translation>
    </message>
    <message>
        <source>Method settings overriding the settings, e.g. size=64,grid=0.</source>
        <translation>Method settings overriding the settings, e.g. size=64,grid=0.</translation>
    </message>
    <message>
        <source>Drop IMAGE onto the window once the library is up to date, print the milliseconds from the drop to the results being shown, and quit.</source>
        <translation>Drop IMAGE onto the window once the library is up to date, print the milliseconds from the drop to the results being shown, and quit.</translation>
    </message>
    <message>
        <source>With --measure-drop: how many drops (default 5).</source>
        <translation>With --measure-drop: how many drops (default 5).</translation>
    </message>
    <message>
        <source>Folders of patterns to add to the library; an image file is looked up.</source>
        <translation>Folders of patterns to add to the library; an image file is looked up.</translation>
    </message>
</context>
<context>
    <name>weft::Catalog</name>
    <message>
        <source>%1 is already part of the library through %2.</source>
        <translation>%1 is already part of the library through %2.</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: the Qt SQLite driver (QSQLITE) is not available; reinstall Weft.</source>
        <translation>Cannot open the catalog %1: the Qt SQLite driver (QSQLITE) is not available; reinstall Weft.</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: %2</source>
        <translation>Cannot open the catalog %1: %2</translation>
    </message>
    <message>
        <source>The catalog %1 was made by a newer version of Weft (catalog schema %2, this version reads up to %3); it was left unchanged.</source>
        <translation>The catalog %1 was made by a newer version of Weft (catalog schema %2, this version reads up to %3); it was left unchanged.</translation>
    </message>
    <message>
        <source>Cannot create the catalog in %1: the folder does not exist</source>
        <translation>Cannot create the catalog in %1: the folder does not exist</translation>
    </message>
    <message>
        <source>Cannot create the catalog in %1: the folder is not writable</source>
        <translation>Cannot create the catalog in %1: the folder is not writable</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: it is not a file</source>
        <translation>Cannot open the catalog %1: it is not a file</translation>
    </message>
    <message>
        <source>Cannot open %1: it is an SQLite database but not a Weft catalog; it was left unchanged.</source>
        <translation>Cannot open %1: it is an SQLite database but not a Weft catalog; it was left unchanged.</translation>
    </message>
    <message>
        <source>The catalog %1 is at schema version %2, newer than the requested %3; it was left unchanged.</source>
        <translation>The catalog %1 is at schema version %2, newer than the requested %3; it was left unchanged.</translation>
    </message>
    <message>
        <source>The catalog %1 (schema %2) must be upgraded to schema %3, but it is read-only; make the file and its folder writable and open the library again.</source>
        <translation>The catalog %1 (schema %2) must be upgraded to schema %3, but it is read-only; make the file and its folder writable and open the library again.</translation>
    </message>
    <message>
        <source>Could not add the folder %1 to the catalog %2: it was not stored.</source>
        <translation>Could not add the folder %1 to the catalog %2: it was not stored.</translation>
    </message>
    <message>
        <source>Cannot open the catalog %1: it is not a Weft catalog or it is damaged (%2). Move it aside to have a new one created.</source>
        <translation>Cannot open the catalog %1: it is not a Weft catalog or it is damaged (%2). Move it aside to have a new one created.</translation>
    </message>
    <message>
        <source>Cannot read the catalog %1: %2</source>
        <translation>Cannot read the catalog %1: %2</translation>
    </message>
    <message>
        <source>That collection is no longer in the library; it may have been deleted.</source>
        <translation>That collection is no longer in the library; it may have been deleted.</translation>
    </message>
    <message>
        <source>A collection needs a name.</source>
        <translation>A collection needs a name.</translation>
    </message>
    <message>
        <source>There is already a collection called “%1”.</source>
        <translation>There is already a collection called “%1”.</translation>
    </message>
    <message>
        <source>Favourites cannot be renamed or deleted.</source>
        <translation>Favourites cannot be renamed or deleted.</translation>
    </message>
    <message>
        <source>That pattern is no longer in the library, so it cannot be added to a collection.</source>
        <translation>That pattern is no longer in the library, so it cannot be added to a collection.</translation>
    </message>
    <message>
        <source>its fingerprint of %1 bytes is not a stored vector</source>
        <translation>its fingerprint of %1 bytes is not a stored vector</translation>
    </message>
    <message>
        <source>its fingerprint has the unknown encoding %1</source>
        <translation>its fingerprint has the unknown encoding %1</translation>
    </message>
    <message>
        <source>its fingerprint is %1 bytes, not a whole number of float32 values</source>
        <translation>its fingerprint is %1 bytes, not a whole number of float32 values</translation>
    </message>
    <message>
        <source>its fingerprint holds a value that is not a number</source>
        <translation>its fingerprint holds a value that is not a number</translation>
    </message>
    <message>
        <source>The catalog %1 is empty (0 bytes): it was cut short, by a full disk or an interrupted copy. Restore it from a backup, or move it aside and index the library's folders again to make a new one.</source>
        <translation>The catalog %1 is empty (0 bytes): it was cut short, by a full disk or an interrupted copy. Restore it from a backup, or move it aside and index the library's folders again to make a new one.</translation>
    </message>
    <message>
        <source>its entry has the unknown status %1</source>
        <translation>its entry has the unknown status %1</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged for %2: %3. Run `weft-cli repair` or Repair in Weft to have the image indexed again.</source>
        <translation>The catalog %1 is damaged for %2: %3. Run `weft-cli repair` or Repair in Weft to have the image indexed again.</translation>
    </message>
    <message>
        <source>the mask of its component %1 is not a %2x%3 PNG</source>
        <translation>the mask of its component %1 is not a %2x%3 PNG</translation>
    </message>
    <message>
        <source>The catalog %1 is damaged (it has no generation counter): run `weft-cli repair` or Repair in Weft to save what can be read into a new catalog.</source>
        <translation>The catalog %1 is damaged (it has no generation counter): run `weft-cli repair` or Repair in Weft to save what can be read into a new catalog.</translation>
    </message>
    <message>
        <source>SQLite cannot check it: %1</source>
        <translation>SQLite cannot check it: %1</translation>
    </message>
    <message>
        <source>SQLite stopped checking it: %1</source>
        <translation>SQLite stopped checking it: %1</translation>
    </message>
    <message>
        <source>it has no generation counter</source>
        <translation>it has no generation counter</translation>
    </message>
    <message>
        <source>Nothing in the catalog %1 can be read (%2), so it cannot be repaired. Restore it from a backup, or move it aside and index the library's folders again to make a new one.</source>
        <translation>Nothing in the catalog %1 can be read (%2), so it cannot be repaired. Restore it from a backup, or move it aside and index the library's folders again to make a new one.</translation>
    </message>
    <message>
        <source>it holds no Weft tables</source>
        <translation>it holds no Weft tables</translation>
    </message>
    <message>
        <source>The catalog %1 was made by a newer version of Weft (catalog schema %2); repair it with that version.</source>
        <translation>The catalog %1 was made by a newer version of Weft (catalog schema %2); repair it with that version.</translation>
    </message>
    <message>
        <source>Cannot keep a copy of the damaged catalog as %1; nothing was changed.</source>
        <translation>Cannot keep a copy of the damaged catalog as %1; nothing was changed.</translation>
    </message>
    <message>
        <source>Cannot move %1 beside the copy of the damaged catalog; nothing was changed.</source>
        <translation>Cannot move %1 beside the copy of the damaged catalog; nothing was changed.</translation>
    </message>
    <message>
        <source>%1. The file is damaged: run `weft-cli repair` or Repair in Weft to save what can be read into a new catalog</source>
        <translation>%1. The file is damaged: run `weft-cli repair` or Repair in Weft to save what can be read into a new catalog</translation>
    </message>
</context>
<context>
    <name>weft::ContactSheet</name>
    <message>
        <source>Swatch looked up on %1</source>
        <translation>Swatch looked up on %1</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es), best first</source>
        <translation><numerusform>%n match, best first</numerusform><numerusform>%n matches, best first</numerusform></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>This image cannot be read</source>
        <translation>This image cannot be read</translation>
    </message>
    <message>
        <source>#%1  ·  score %2</source>
        <translation>#%1  ·  score %2</translation>
    </message>
    <message>
        <source>Matches for %1</source>
        <translation>Matches for %1</translation>
    </message>
    <message>
        <source>Cannot write the contact sheet %1: check that its folder exists and is writable.</source>
        <translation>Cannot write the contact sheet %1: check that its folder exists and is writable.</translation>
    </message>
    <message>
        <source>Cannot write the contact sheet %1: the disk may be full.</source>
        <translation>Cannot write the contact sheet %1: the disk may be full.</translation>
    </message>
</context>
<context>
    <name>weft::ContentHash</name>
    <message>
        <source>Cannot fingerprint %1: %2</source>
        <translation>Cannot fingerprint %1: %2</translation>
    </message>
</context>
<context>
    <name>weft::DiskFull</name>
    <message>
        <source>Cannot write to %1: its disk is full (%2 free, at least %3 needed). Free some space on %4 and try again.</source>
        <translation>Cannot write to %1: its disk is full (%2 free, at least %3 needed). Free some space on %4 and try again.</translation>
    </message>
</context>
<context>
    <name>weft::DuplicateFinder</name>
    <message>
        <source>The library's method keeps no colour in its fingerprints (hsv=0), so copies cannot be told from colourways; index the library with a colour share</source>
        <translation>The library's method keeps no colour in its fingerprints (hsv=0), so copies cannot be told from colourways; index the library with a colour share</translation>
    </message>
    <message>
        <source>The library %1 has no indexed images yet: add a folder and let indexing run</source>
        <translation>The library %1 has no indexed images yet: add a folder and let indexing run</translation>
    </message>
    <message>
        <source>%1 holds no indexed images yet</source>
        <translation>%1 holds no indexed images yet</translation>
    </message>
</context>
<context>
    <name>weft::ImageDecoder</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1 is not an image Weft can read (%2)</source>
        <translation>%1 is not an image Weft can read (%2)</translation>
    </message>
    <message>
        <source>the file is truncated or damaged (%1)</source>
        <translation>the file is truncated or damaged (%1)</translation>
    </message>
    <message>
        <source>the data is truncated or damaged (%1)</source>
        <translation>the data is truncated or damaged (%1)</translation>
    </message>
    <message>
        <source>there is not enough memory to decode it</source>
        <translation>there is not enough memory to decode it</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels, larger than the limit of %4 megapixels; it may be a decompression bomb</source>
        <translation>%1 is %2×%3 pixels, larger than the limit of %4 megapixels; it may be a decompression bomb</translation>
    </message>
    <message>
        <source>Premature end of JPEG file</source>
        <translation>Premature end of JPEG file</translation>
    </message>
    <message>
        <source>the pixel data stops early</source>
        <translation>the pixel data stops early</translation>
    </message>
    <message>
        <source>Cannot read an image: no file name was given</source>
        <translation>Cannot read an image: no file name was given</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>the pasted image</source>
        <translation>the pasted image</translation>
    </message>
    <message>
        <source>The pasted image</source>
        <translation>The pasted image</translation>
    </message>
    <message>
        <source>there is no image data</source>
        <translation>there is no image data</translation>
    </message>
    <message>
        <source>%1 is a HEIC/HEIF image, but the HEIF library on this computer (libheif %2) cannot decode its compression (%3). Install libheif's decoders (on Debian and Ubuntu: the packages libheif1 and libde265-0, or libheif-plugin-libde265 where it exists), or save the photo as JPEG</source>
        <translation>%1 is a HEIC/HEIF image, but the HEIF library on this computer (libheif %2) cannot decode its compression (%3). Install libheif's decoders (on Debian and Ubuntu: the packages libheif1 and libde265-0, or libheif-plugin-libde265 where it exists), or save the photo as JPEG</translation>
    </message>
    <message>
        <source>%1 is larger than the HEIF library decodes (%2); it may be a decompression bomb</source>
        <translation>%1 is larger than the HEIF library decodes (%2); it may be a decompression bomb</translation>
    </message>
    <message>
        <source>it is in %1 format; Weft reads JPEG, PNG, TIFF, BMP, WebP and HEIC</source>
        <translation>it is in %1 format; Weft reads JPEG, PNG, TIFF, BMP, WebP and HEIC</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels at %4 bytes per pixel: decoding it would take %5 MB, more than the %6 MB Weft sets aside for decoding images</source>
        <translation>%1 is %2×%3 pixels at %4 bytes per pixel: decoding it would take %5 MB, more than the %6 MB Weft sets aside for decoding images</translation>
    </message>
</context>
<context>
    <name>weft::Indexer</name>
    <message>
        <source>Cannot index %1: %2</source>
        <translation>Cannot index %1: %2</translation>
    </message>
</context>
<context>
    <name>weft::Library</name>
    <message>
        <source>Cannot create the library folder %1: check that its parent exists and is writable</source>
        <translation>Cannot create the library folder %1: check that its parent exists and is writable</translation>
    </message>
    <message>
        <source>The library %1 is in use by another Weft program (%2, process %3); close it first</source>
        <translation>The library %1 is in use by another Weft program (%2, process %3); close it first</translation>
    </message>
    <message>
        <source>Cannot lock the library %1: the folder is not writable</source>
        <translation>Cannot lock the library %1: the folder is not writable</translation>
    </message>
    <message>
        <source>There is no Weft library in %1 yet: index some folders into it first</source>
        <translation>There is no Weft library in %1 yet: index some folders into it first</translation>
    </message>
    <message>
        <source>its fingerprint has %1 values where the others have %2</source>
        <translation>its fingerprint has %1 values where the others have %2</translation>
    </message>
    <message>
        <source>The catalog entry for %1 is damaged (%2): it was set aside, and the next indexing describes the image anew</source>
        <translation>The catalog entry for %1 is damaged (%2): it was set aside, and the next indexing describes the image anew</translation>
    </message>
    <message>
        <source>The catalog entry for %1 is damaged (%2): it is left out of searches until `weft-cli repair` or Repair in Weft sets it aside to be indexed again</source>
        <translation>The catalog entry for %1 is damaged (%2): it is left out of searches until `weft-cli repair` or Repair in Weft sets it aside to be indexed again</translation>
    </message>
    <message>
        <source>Cannot lock the library %1: its lock file %2 cannot be written</source>
        <translation>Cannot lock the library %1: its lock file %2 cannot be written</translation>
    </message>
    <message>
        <source>%1 is a file, not a library folder: name a folder for the library (a new one is made where none exists)</source>
        <translation>%1 is a file, not a library folder: name a folder for the library (a new one is made where none exists)</translation>
    </message>
</context>
<context>
    <name>weft::LibraryRepair</name>
    <message>
        <source>There is no Weft library in %1 to repair: it has no catalog.sqlite</source>
        <translation>There is no Weft library in %1 to repair: it has no catalog.sqlite</translation>
    </message>
    <message>
        <source>The library %1 is read-only, so it cannot be repaired: make its folder and catalog.sqlite writable and run the repair again.</source>
        <translation>The library %1 is read-only, so it cannot be repaired: make its folder and catalog.sqlite writable and run the repair again.</translation>
    </message>
</context>
<context>
    <name>weft::ModelStore</name>
    <message>
        <source>Cannot read model file %1: %2</source>
        <translation>Cannot read model file %1: %2</translation>
    </message>
    <message>
        <source> To get it: %1.</source>
        <translation> To get it: %1.</translation>
    </message>
    <message>
        <source>Model '%1' is missing: %2 does not exist.%3 Set WEFT_MODEL_DIR to use another model folder.</source>
        <translation>Model '%1' is missing: %2 does not exist.%3 Set WEFT_MODEL_DIR to use another model folder.</translation>
    </message>
    <message>
        <source>Model '%1' at %2 has no recorded checksum (%2.sha256).%3</source>
        <translation>Model '%1' at %2 has no recorded checksum (%2.sha256).%3</translation>
    </message>
    <message>
        <source>Model '%1' at %2 is damaged or a different file: it has %3 bytes, expected %4.%5</source>
        <translation>Model '%1' at %2 is damaged or a different file: it has %3 bytes, expected %4.%5</translation>
    </message>
    <message>
        <source>Model '%1' at %2 is damaged or a different file: its SHA-256 is %3, expected %4.%5</source>
        <translation>Model '%1' at %2 is damaged or a different file: its SHA-256 is %3, expected %4.%5</translation>
    </message>
</context>
<context>
    <name>weft::QueryEngine</name>
    <message>
        <source>%1 is not indexed in this library yet, so there is nothing to compare it by; wait for indexing to reach it or drop it in as a swatch</source>
        <translation>%1 is not indexed in this library yet, so there is nothing to compare it by; wait for indexing to reach it or drop it in as a swatch</translation>
    </message>
    <message>
        <source>The library %1 has no indexed images yet: add a folder and let indexing run</source>
        <translation>The library %1 has no indexed images yet: add a folder and let indexing run</translation>
    </message>
    <message>
        <source>This library's fingerprints keep no colours (its method has hsv=0), so it cannot be searched by colour; choose a colour share above 0 in the settings and index again</source>
        <translation>This library's fingerprints keep no colours (its method has hsv=0), so it cannot be searched by colour; choose a colour share above 0 in the settings and index again</translation>
    </message>
</context>
<context>
    <name>weft::RegularFile</name>
    <message>
        <source>a folder</source>
        <translation>a folder</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>a device</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>a named pipe (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>a socket</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>a special file</translation>
    </message>
    <message>
        <source>it links to %1, which is %2, not an image file</source>
        <translation>it links to %1, which is %2, not an image file</translation>
    </message>
    <message>
        <source>it is %1, not an image file</source>
        <translation>it is %1, not an image file</translation>
    </message>
    <message>
        <source>it links to %1, which does not exist</source>
        <translation>it links to %1, which does not exist</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>the file does not exist</translation>
    </message>
    <message>
        <source>it is a symbolic link that leads back to itself (a link loop)</source>
        <translation>it is a symbolic link that leads back to itself (a link loop)</translation>
    </message>
    <message>
        <source>you do not have permission to read it</source>
        <translation>you do not have permission to read it</translation>
    </message>
</context>
<context>
    <name>weft::Scanner</name>
    <message>
        <source>%1 is gone: it was deleted or moved while the library was scanned</source>
        <translation>%1 is gone: it was deleted or moved while the library was scanned</translation>
    </message>
</context>
<context>
    <name>weft::ShownMotifs</name>
    <message>
        <source>Motif %1</source>
        <translation>Motif %1</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>repeat of %1</source>
        <translation>repeat of %1</translation>
    </message>
    <message>
        <source>found once</source>
        <translation>found once</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>medium</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
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
%2, modified %3</translation>
    </message>
</context>
<context>
    <name>weft::ui::BrowseView</name>
    <message>
        <source>Find patterns like this</source>
        <translation>Find patterns like this</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date modified, newest first</source>
        <translation>Date modified, newest first</translation>
    </message>
    <message>
        <source>Size, largest first</source>
        <translation>Size, largest first</translation>
    </message>
    <message>
        <source>The order of the patterns</source>
        <translation>The order of the patterns</translation>
    </message>
    <message>
        <source>Search the library for patterns like the selected one</source>
        <translation>Search the library for patterns like the selected one</translation>
    </message>
    <message>
        <source>Patterns of the folder</source>
        <translation>Patterns of the folder</translation>
    </message>
    <message>
        <source>The folder's patterns cannot be listed: %1</source>
        <translation>The folder's patterns cannot be listed: %1</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>Sort by:</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Reading the folder…</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in the library</source>
        <translation><numerusform>%n pattern in the library</numerusform><numerusform>%n patterns in the library</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in %1</source>
        <translation><numerusform>%n pattern in %1</numerusform><numerusform>%n patterns in %1</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::CollectionActions</name>
    <message>
        <source>Mark the selected pattern as a favourite, or no longer</source>
        <translation>Mark the selected pattern as a favourite, or no longer</translation>
    </message>
    <message>
        <source>Remove from &amp;favourites</source>
        <translation>Remove from &amp;favourites</translation>
    </message>
    <message>
        <source>Add to &amp;favourites</source>
        <translation>Add to &amp;favourites</translation>
    </message>
    <message>
        <source>Add to &amp;collection</source>
        <translation>Add to &amp;collection</translation>
    </message>
    <message>
        <source>&amp;New collection…</source>
        <translation>&amp;New collection…</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>New collection</translation>
    </message>
    <message>
        <source>Remove from “%1”</source>
        <translation>Remove from “%1”</translation>
    </message>
</context>
<context>
    <name>weft::ui::CollectionsPanel</name>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collections&lt;/b&gt;</source>
        <translation>&lt;b&gt;Collections&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Patterns</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Click a collection to see its patterns</source>
        <translation>Click a collection to see its patterns</translation>
    </message>
    <message>
        <source>Make a new, empty collection</source>
        <translation>Make a new, empty collection</translation>
    </message>
    <message>
        <source>Rename the selected collection</source>
        <translation>Rename the selected collection</translation>
    </message>
    <message>
        <source>Delete the selected collection (its patterns stay in the library)</source>
        <translation>Delete the selected collection (its patterns stay in the library)</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>New collection</translation>
    </message>
    <message>
        <source>Rename collection</source>
        <translation>Rename collection</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>Delete collection</translation>
    </message>
    <message>
        <source>Delete the collection “%1”? Its patterns stay in the library.</source>
        <translation>Delete the collection “%1”? Its patterns stay in the library.</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favourites</translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation>Name of the collection:</translation>
    </message>
</context>
<context>
    <name>weft::ui::CompareView</name>
    <message>
        <source>Where the swatch sits in this pattern</source>
        <translation>Where the swatch sits in this pattern</translation>
    </message>
    <message>
        <source>No motifs were found in these images.</source>
        <translation>No motifs were found in these images.</translation>
    </message>
</context>
<context>
    <name>weft::ui::ComponentInspector</name>
    <message>
        <source>Show components</source>
        <translation>Show components</translation>
    </message>
    <message>
        <source>Open a library image to see the components found in it.</source>
        <translation>Open a library image to see the components found in it.</translation>
    </message>
    <message>
        <source>Open library image…</source>
        <translation>Open library image…</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>Cannot show %1: %2</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>How much of the picture the motif covers</source>
        <translation>How much of the picture the motif covers</translation>
    </message>
    <message>
        <source>How sure the detector is that this is a motif</source>
        <translation>How sure the detector is that this is a motif</translation>
    </message>
    <message>
        <source>%1: no motifs were found in this image.</source>
        <translation>%1: no motifs were found in this image.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n motif(s)</source>
        <translation><numerusform>%1: %n motif</numerusform><numerusform>%1: %n motifs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(%n more outline(s) on the garment's edges and folds or on the wearer not shown)</source>
        <translation><numerusform>(%n more outline on the garment's edges and folds or on the wearer not shown)</numerusform><numerusform>(%n more outlines on the garment's edges and folds or on the wearer not shown)</numerusform></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>At %1, %2 in the picture's pixels, %3 × %4 pixels; confidence %5 %</source>
        <translation>At %1, %2 in the picture's pixels, %3 × %4 pixels; confidence %5 %</translation>
    </message>
</context>
<context>
    <name>weft::ui::DuplicateGroupsModel</name>
    <message>
        <source>Duplicates</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Colourways</source>
        <translation>Colourways</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n pattern(s)
%2</source>
        <translation><numerusform>%1 · %n pattern
%2</numerusform><numerusform>%1 · %n patterns
%2</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::DuplicateImagesModel</name>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>%1
Pattern alike %2, colours alike %3 (1 is the same)</source>
        <translation>%1
Pattern alike %2, colours alike %3 (1 is the same)</translation>
    </message>
</context>
<context>
    <name>weft::ui::DuplicatesDialog</name>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Duplicates and colourways</source>
        <translation>Duplicates and colourways</translation>
    </message>
    <message>
        <source>Stop looking; the groups found so far are shown</source>
        <translation>Stop looking; the groups found so far are shown</translation>
    </message>
    <message>
        <source>Groups found</source>
        <translation>Groups found</translation>
    </message>
    <message>
        <source>Patterns of the group</source>
        <translation>Patterns of the group</translation>
    </message>
    <message>
        <source>Open the selected pattern in the system's image viewer</source>
        <translation>Open the selected pattern in the system's image viewer</translation>
    </message>
    <message>
        <source>Show the selected pattern in the file manager</source>
        <translation>Show the selected pattern in the file manager</translation>
    </message>
    <message>
        <source>Find again</source>
        <translation>Find again</translation>
    </message>
    <message>
        <source>Look through the patterns again, with what was indexed since</source>
        <translation>Look through the patterns again, with what was indexed since</translation>
    </message>
    <message>
        <source>Patterns of one print in the whole library</source>
        <translation>Patterns of one print in the whole library</translation>
    </message>
    <message>
        <source>Patterns of one print in %1</source>
        <translation>Patterns of one print in %1</translation>
    </message>
    <message>
        <source>Comparing every pattern with the ones closest to it…</source>
        <translation>Comparing every pattern with the ones closest to it…</translation>
    </message>
    <message>
        <source>%1 of %2 patterns</source>
        <translation>%1 of %2 patterns</translation>
    </message>
    <message numerus="yes">
        <source>No duplicates or colourways among %n pattern(s).</source>
        <translation><numerusform>No duplicates or colourways among %n pattern.</numerusform><numerusform>No duplicates or colourways among %n patterns.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Among %n pattern(s): </source>
        <translation><numerusform>Among %n pattern: </numerusform><numerusform>Among %n patterns: </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of duplicates</source>
        <translation><numerusform>%n group of duplicates</numerusform><numerusform>%n groups of duplicates</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of colourways</source>
        <translation><numerusform>%n group of colourways</numerusform><numerusform>%n groups of colourways</numerusform></translation>
    </message>
    <message>
        <source>Duplicates are the same print in the same colours (resized, saved again, cropped a little); colourways the same print in other colours. Nothing is deleted here.</source>
        <translation>Duplicates are the same print in the same colours (resized, saved again, cropped a little); colourways the same print in other colours. Nothing is deleted here.</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 patterns.</source>
        <translation>Stopped after %1 of %2 patterns.</translation>
    </message>
    <message>
        <source>The patterns could not be compared: %1</source>
        <translation>The patterns could not be compared: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) of one print in the same colours, the largest first</source>
        <translation><numerusform>%n pattern of one print in the same colours, the largest first</numerusform><numerusform>%n patterns of one print in the same colours, the largest first</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>One print in %n pattern(s) of other colours, the largest first</source>
        <translation><numerusform>One print in %n pattern of other colours, the largest first</numerusform><numerusform>One print in %n patterns of other colours, the largest first</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::DuplicatesWorker</name>
    <message>
        <source>No library with a loaded model is open, so its patterns cannot be compared</source>
        <translation>No library with a loaded model is open, so its patterns cannot be compared</translation>
    </message>
</context>
<context>
    <name>weft::ui::FailedFilesDialog</name>
    <message>
        <source>Files that could not be indexed</source>
        <translation>Files that could not be indexed</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Copy list</translation>
    </message>
    <message>
        <source>Every file was read.</source>
        <translation>Every file was read.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be indexed. Fix or replace them and press Rescan; they are tried again when they change.</source>
        <translation><numerusform>%n file could not be indexed. Fix or replace them and press Rescan; they are tried again when they change.</numerusform><numerusform>%n files could not be indexed. Fix or replace them and press Rescan; they are tried again when they change.</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::IndexingStatus</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pause indexing; searching goes on</source>
        <translation>Pause indexing; searching goes on</translation>
    </message>
    <message>
        <source>Stop indexing; what is done is kept and the next rescan continues</source>
        <translation>Stop indexing; what is done is kept and the next rescan continues</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>estimating time left</source>
        <translation>estimating time left</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>%1 s left</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>%1 min left</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>%1 h %2 min left</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 images/s, %2</source>
        <translation>%1 images/s, %2</translation>
    </message>
    <message>
        <source>Looking for new and changed files…</source>
        <translation>Looking for new and changed files…</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>Indexing…</translation>
    </message>
    <message>
        <source>Indexing %1</source>
        <translation>Indexing %1</translation>
    </message>
    <message>
        <source>Indexing paused; searching still works</source>
        <translation>Indexing paused; searching still works</translation>
    </message>
    <message>
        <source>Stopping after the current image…</source>
        <translation>Stopping after the current image…</translation>
    </message>
</context>
<context>
    <name>weft::ui::LibraryHost</name>
    <message>
        <source>The library folder %1 is not writable.</source>
        <translation>The library folder %1 is not writable.</translation>
    </message>
    <message>
        <source>The library is open read-only, so no folder can be added now.</source>
        <translation>The library is open read-only, so no folder can be added now.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 is not a folder.</translation>
    </message>
    <message>
        <source>The library is open read-only, so no folder can be removed now.</source>
        <translation>The library is open read-only, so no folder can be removed now.</translation>
    </message>
    <message>
        <source>The library is open read-only, so its collections cannot be changed now.</source>
        <translation>The library is open read-only, so its collections cannot be changed now.</translation>
    </message>
</context>
<context>
    <name>weft::ui::LibraryPanel</name>
    <message>
        <source>Add folder…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>Rescan</translation>
    </message>
    <message>
        <source>Failed files…</source>
        <translation>Failed files…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Library folders&lt;/b&gt;</source>
        <translation>&lt;b&gt;Library folders&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>Indexed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>Library folders</translation>
    </message>
    <message>
        <source>Add a folder of pattern images to the library and index it</source>
        <translation>Add a folder of pattern images to the library and index it</translation>
    </message>
    <message>
        <source>Remove the selected folder from the library (the files stay where they are)</source>
        <translation>Remove the selected folder from the library (the files stay where they are)</translation>
    </message>
    <message>
        <source>Look for new, changed and deleted files in every folder</source>
        <translation>Look for new, changed and deleted files in every folder</translation>
    </message>
    <message>
        <source>List the files that could not be indexed, with the reason</source>
        <translation>List the files that could not be indexed, with the reason</translation>
    </message>
    <message>
        <source>%1
This folder is not there (unplugged drive?). Its images are kept.</source>
        <translation>%1
This folder is not there (unplugged drive?). Its images are kept.</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (not found)</translation>
    </message>
    <message>
        <source>No folders yet. Add the folders of your pattern library to start.</source>
        <translation>No folders yet. Add the folders of your pattern library to start.</translation>
    </message>
    <message>
        <source>%1 indexed, %2 failed, %3 pending in all</source>
        <translation>%1 indexed, %2 failed, %3 pending in all</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>No library is open.</translation>
    </message>
    <message>
        <source>%1
Click to browse its patterns.</source>
        <translation>%1
Click to browse its patterns.</translation>
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
        <translation>Compare</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Opening the library…</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Remove folder</translation>
    </message>
    <message>
        <source>Remove %1 from the library? Its images leave the library; the files themselves stay where they are.</source>
        <translation>Remove %1 from the library? Its images leave the library; the files themselves stay where they are.</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>No library is open.</translation>
    </message>
    <message>
        <source>Weft cannot open the library. Nothing in it was changed.
%1
Choose another library folder in Settings.</source>
        <translation>Weft cannot open the library. Nothing in it was changed.
%1
Choose another library folder in Settings.</translation>
    </message>
    <message>
        <source>The library is open read-only: you can search, but not add folders or index.
%1</source>
        <translation>The library is open read-only: you can search, but not add folders or index.
%1</translation>
    </message>
    <message>
        <source>Library folders</source>
        <translation>Library folders</translation>
    </message>
    <message>
        <source>Indexing stopped: %1</source>
        <translation>Indexing stopped: %1</translation>
    </message>
    <message>
        <source>These folders are not there (unplugged drive?); their images are kept until they come back:
%1</source>
        <translation>These folders are not there (unplugged drive?); their images are kept until they come back:
%1</translation>
    </message>
    <message>
        <source>All folders</source>
        <translation>All folders</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Thumbnail size</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>Matches, best first</source>
        <translation>Matches, best first</translation>
    </message>
    <message>
        <source>Select a match to see it beside the swatch.</source>
        <translation>Select a match to see it beside the swatch.</translation>
    </message>
    <message>
        <source>Draw the detected components as outlines and masks</source>
        <translation>Draw the detected components as outlines and masks</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom in (or turn the mouse wheel)</source>
        <translation>Zoom in (or turn the mouse wheel)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Fit both images in the view</source>
        <translation>Fit both images in the view</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open the match in the system's image viewer</source>
        <translation>Open the match in the system's image viewer</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Show the match in the file manager</source>
        <translation>Show the match in the file manager</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copy path</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open swatch…</source>
        <translation>&amp;Open swatch…</translation>
    </message>
    <message>
        <source>&amp;Paste swatch</source>
        <translation>&amp;Paste swatch</translation>
    </message>
    <message>
        <source>&amp;Add library folder…</source>
        <translation>&amp;Add library folder…</translation>
    </message>
    <message>
        <source>&amp;Rescan library</source>
        <translation>&amp;Rescan library</translation>
    </message>
    <message>
        <source>&amp;Inspect library image…</source>
        <translation>&amp;Inspect library image…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Match</source>
        <translation>&amp;Match</translation>
    </message>
    <message>
        <source>Open in &amp;viewer</source>
        <translation>Open in &amp;viewer</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Show in &amp;folder</translation>
    </message>
    <message>
        <source>&amp;Inspect components</source>
        <translation>&amp;Inspect components</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Show &amp;components</source>
        <translation>Show &amp;components</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Fit to window</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Weft</source>
        <translation>&amp;About Weft</translation>
    </message>
    <message>
        <source>About Weft</source>
        <translation>About Weft</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Weft %1&lt;/h3&gt;&lt;p&gt;Finds textile patterns by what they look like.&lt;/p&gt;&lt;p&gt;Library: %2&lt;br&gt;Method: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Weft %1&lt;/h3&gt;&lt;p&gt;Finds textile patterns by what they look like.&lt;/p&gt;&lt;p&gt;Library: %2&lt;br&gt;Method: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Weft — %1</source>
        <translation>Weft — %1</translation>
    </message>
    <message>
        <source>The library is empty: add a folder of patterns.</source>
        <translation>The library is empty: add a folder of patterns.</translation>
    </message>
    <message>
        <source>Searching for %1…</source>
        <translation>Searching for %1…</translation>
    </message>
    <message>
        <source>#%1, score %2: %3</source>
        <translation>#%1, score %2: %3</translation>
    </message>
    <message>
        <source>Swatch: %1</source>
        <translation>Swatch: %1</translation>
    </message>
    <message>
        <source>#%1  %2</source>
        <translation>#%1  %2</translation>
    </message>
    <message>
        <source>The clipboard holds no image. Copy an image or an image file, then paste.</source>
        <translation>The clipboard holds no image. Copy an image or an image file, then paste.</translation>
    </message>
    <message>
        <source>That is not an image Weft can read.</source>
        <translation>That is not an image Weft can read.</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Downloading %1…</translation>
    </message>
    <message>
        <source>Cannot download %1: %2</source>
        <translation>Cannot download %1: %2</translation>
    </message>
    <message>
        <source>Stopping indexing; what is done is kept…</source>
        <translation>Stopping indexing; what is done is kept…</translation>
    </message>
    <message>
        <source>Open swatch</source>
        <translation>Open swatch</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>The library is open read-only, so no folder can be added now.</source>
        <translation>The library is open read-only, so no folder can be added now.</translation>
    </message>
    <message>
        <source>Add a folder of patterns</source>
        <translation>Add a folder of patterns</translation>
    </message>
    <message>
        <source>Inspect library image</source>
        <translation>Inspect library image</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Settings are not stored in this session.</source>
        <translation>Settings are not stored in this session.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Restart Weft to use the new language.</source>
        <translation>Restart Weft to use the new language.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copied %1</translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation>Open in viewer</translation>
    </message>
    <message>
        <source>Inspect components</source>
        <translation>Inspect components</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) indexed</source>
        <translation><numerusform>%n image indexed</numerusform><numerusform>%n images indexed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation><numerusform>%n folder</numerusform><numerusform>%n folders</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Indexing stopped; %n image(s) left for the next rescan.</source>
        <translation><numerusform>Indexing stopped; %n image left for the next rescan.</numerusform><numerusform>Indexing stopped; %n images left for the next rescan.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Indexing done: %n image(s) indexed, %1 failed.</source>
        <translation><numerusform>Indexing done: %n image indexed, %1 failed.</numerusform><numerusform>Indexing done: %n images indexed, %1 failed.</numerusform></translation>
    </message>
    <message>
        <source>The model could not be loaded, so Weft cannot index or search yet; the library can still be browsed.
%1
To set the default model up, run this in the Weft source folder, then restart Weft:
    models/setup_models.sh</source>
        <translation>The model could not be loaded, so Weft cannot index or search yet; the library can still be browsed.
%1
To set the default model up, run this in the Weft source folder, then restart Weft:
    models/setup_models.sh</translation>
    </message>
    <message>
        <source>Find patterns like this</source>
        <translation>Find patterns like this</translation>
    </message>
    <message>
        <source>Pattern: %1</source>
        <translation>Pattern: %1</translation>
    </message>
    <message>
        <source>Search only one library folder, or a folder inside it</source>
        <translation>Search only one library folder, or a folder inside it</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation><numerusform>%n match</numerusform><numerusform>%n matches</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in %1</source>
        <translation><numerusform>%n match in %1</numerusform><numerusform>%n matches in %1</numerusform></translation>
    </message>
    <message>
        <source>Drop the folder to add it to the library</source>
        <translation>Drop the folder to add it to the library</translation>
    </message>
    <message>
        <source>Add folder</source>
        <translation>Add folder</translation>
    </message>
    <message>
        <source>Add the folder “%1” to the library?</source>
        <translation>Add the folder “%1” to the library?</translation>
    </message>
    <message>
        <source>Weft indexes the pattern images in %1 and its subfolders, so that they can be found. The files stay where they are.</source>
        <translation>Weft indexes the pattern images in %1 and its subfolders, so that they can be found. The files stay where they are.</translation>
    </message>
    <message>
        <source>Add to library</source>
        <translation>Add to library</translation>
    </message>
    <message>
        <source>Copied the picture %1</source>
        <translation>Copied the picture %1</translation>
    </message>
    <message>
        <source>The picture could not be copied.
%1</source>
        <translation>The picture could not be copied.
%1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the match's picture, to paste it into an image editor</source>
        <translation>Copy the match's picture, to paste it into an image editor</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy &amp;path</source>
        <translation>Copy &amp;path</translation>
    </message>
    <message>
        <source>No application is set up to open %1. Installing xdg-utils and an image viewer sets one up.</source>
        <translation>No application is set up to open %1. Installing xdg-utils and an image viewer sets one up.</translation>
    </message>
    <message>
        <source>No file manager could show %1, and no application is set up to open its folder %2. Installing xdg-utils and a file manager sets one up.</source>
        <translation>No file manager could show %1, and no application is set up to open its folder %2. Installing xdg-utils and a file manager sets one up.</translation>
    </message>
    <message>
        <source>checking the best ones…</source>
        <translation>checking the best ones…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>Show only matches scoring at least this much (1 is an exact copy)</source>
        <translation>Show only matches scoring at least this much (1 is an exact copy)</translation>
    </message>
    <message>
        <source>Score at least:</source>
        <translation>Score at least:</translation>
    </message>
    <message>
        <source>%1 scoring %2 or more</source>
        <translation>%1 scoring %2 or more</translation>
    </message>
    <message>
        <source>%1, more as you scroll</source>
        <translation>%1, more as you scroll</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in %1</source>
        <translation><numerusform>%n pattern in %1</numerusform><numerusform>%n patterns in %1</numerusform></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>The results could not be saved.
%1</source>
        <translation>The results could not be saved.
%1</translation>
    </message>
    <message>
        <source>Export results as &amp;CSV…</source>
        <translation>Export results as &amp;CSV…</translation>
    </message>
    <message>
        <source>Export contact &amp;sheet (PDF)…</source>
        <translation>Export contact &amp;sheet (PDF)…</translation>
    </message>
    <message numerus="yes">
        <source>too many folders to watch for changes (%n not watched): the library is rescanned every %1 minutes</source>
        <translation><numerusform>too many folders to watch for changes (%n not watched): the library is rescanned every %1 minutes</numerusform><numerusform>too many folders to watch for changes (%n not watched): the library is rescanned every %1 minutes</numerusform></translation>
    </message>
    <message>
        <source>Export results as CSV</source>
        <translation>Export results as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export contact sheet</source>
        <translation>Export contact sheet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 matches</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Browse</translation>
    </message>
    <message>
        <source>All the patterns of the folder, without a search</source>
        <translation>All the patterns of the folder, without a search</translation>
    </message>
    <message>
        <source>&amp;Matches</source>
        <translation>&amp;Matches</translation>
    </message>
    <message>
        <source>&amp;Browse the folder</source>
        <translation>&amp;Browse the folder</translation>
    </message>
    <message>
        <source>Find &amp;duplicates and colourways…</source>
        <translation>Find &amp;duplicates and colourways…</translation>
    </message>
</context>
<context>
    <name>weft::ui::MessageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>Hide this message</translation>
    </message>
</context>
<context>
    <name>weft::ui::PaletteBar</name>
    <message>
        <source>Colours:</source>
        <translation>Colours:</translation>
    </message>
    <message>
        <source>Pick a colour…</source>
        <translation>Pick a colour…</translation>
    </message>
    <message>
        <source>Search the library for patterns holding a colour of your choice</source>
        <translation>Search the library for patterns holding a colour of your choice</translation>
    </message>
    <message>
        <source>The swatch's main colours: click one to see only the matches holding it</source>
        <translation>The swatch's main colours: click one to see only the matches holding it</translation>
    </message>
    <message>
        <source>Colour %1</source>
        <translation>Colour %1</translation>
    </message>
    <message>
        <source>%1, %2% of the swatch: click to see only the matches holding this colour, click again to see all</source>
        <translation>%1, %2% of the swatch: click to see only the matches holding this colour, click again to see all</translation>
    </message>
    <message>
        <source>Search by colour</source>
        <translation>Search by colour</translation>
    </message>
</context>
<context>
    <name>weft::ui::QueryPanel</name>
    <message>
        <source>&lt;b&gt;Drop a swatch photo here&lt;/b&gt;&lt;br&gt;from the file manager or a browser, paste it with Ctrl+V, or open a file.</source>
        <translation>&lt;b&gt;Drop a swatch photo here&lt;/b&gt;&lt;br&gt;from the file manager or a browser, paste it with Ctrl+V, or open a file.</translation>
    </message>
    <message>
        <source>Open swatch…</source>
        <translation>Open swatch…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swatch:&lt;/b&gt; %1&lt;br&gt;Drop, paste or open another to search again.</source>
        <translation>&lt;b&gt;Swatch:&lt;/b&gt; %1&lt;br&gt;Drop, paste or open another to search again.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This swatch could not be searched.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;This swatch could not be searched.&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns like:&lt;/b&gt; %1&lt;br&gt;Drop, paste or open a swatch to search for it.</source>
        <translation>&lt;b&gt;Patterns like:&lt;/b&gt; %1&lt;br&gt;Drop, paste or open a swatch to search for it.</translation>
    </message>
    <message>
        <source>Any colourway</source>
        <translation>Any colourway</translation>
    </message>
    <message>
        <source>Find the swatch's print in any colourway: its colours are left out of the comparison</source>
        <translation>Find the swatch's print in any colourway: its colours are left out of the comparison</translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns holding&lt;/b&gt; %1&lt;br&gt;Pick another colour, or drop, paste or open a swatch.</source>
        <translation>&lt;b&gt;Patterns holding&lt;/b&gt; %1&lt;br&gt;Pick another colour, or drop, paste or open a swatch.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns like:&lt;/b&gt; %1&lt;br&gt;Only the patterns holding the pressed colours are shown.</source>
        <translation>&lt;b&gt;Patterns like:&lt;/b&gt; %1&lt;br&gt;Only the patterns holding the pressed colours are shown.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swatch:&lt;/b&gt; %1, its print in any colourway&lt;br&gt;Only the matches holding the pressed colours are shown.</source>
        <translation>&lt;b&gt;Swatch:&lt;/b&gt; %1, its print in any colourway&lt;br&gt;Only the matches holding the pressed colours are shown.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swatch:&lt;/b&gt; %1&lt;br&gt;Only the matches holding the pressed colours are shown.</source>
        <translation>&lt;b&gt;Swatch:&lt;/b&gt; %1&lt;br&gt;Only the matches holding the pressed colours are shown.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Swatch:&lt;/b&gt; %1, its print in any colourway&lt;br&gt;Drop, paste or open another to search again.</source>
        <translation>&lt;b&gt;Swatch:&lt;/b&gt; %1, its print in any colourway&lt;br&gt;Drop, paste or open another to search again.</translation>
    </message>
</context>
<context>
    <name>weft::ui::QueryWorker</name>
    <message>
        <source>Searching needs the model, which is not loaded (see the message at the top of the window).</source>
        <translation>Searching needs the model, which is not loaded (see the message at the top of the window).</translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation>No library is open.</translation>
    </message>
</context>
<context>
    <name>weft::ui::QuickLookWindow</name>
    <message>
        <source>Quick look</source>
        <translation>Quick look</translation>
    </message>
    <message>
        <source>← → previous and next image · Space or Esc closes</source>
        <translation>← → previous and next image · Space or Esc closes</translation>
    </message>
    <message>
        <source>%1 — %2 × %3 pixels</source>
        <translation>%1 — %2 × %3 pixels</translation>
    </message>
    <message>
        <source>%1 — cannot be shown: %2</source>
        <translation>%1 — cannot be shown: %2</translation>
    </message>
</context>
<context>
    <name>weft::ui::RegionSearch</name>
    <message>
        <source>region of %1</source>
        <translation>region of %1</translation>
    </message>
    <message>
        <source>Cannot search with a part of %1.
%2</source>
        <translation>Cannot search with a part of %1.
%2</translation>
    </message>
    <message>
        <source>That part is too small to search with: drag over at least %1 × %1 pixels of the picture.</source>
        <translation>That part is too small to search with: drag over at least %1 × %1 pixels of the picture.</translation>
    </message>
</context>
<context>
    <name>weft::ui::RegionSelector</name>
    <message>
        <source>Search a region</source>
        <translation>Search a region</translation>
    </message>
    <message>
        <source>Search with a part of a picture: click here, then drag a rectangle over the picture. Holding Shift while dragging does the same at any time.</source>
        <translation>Search with a part of a picture: click here, then drag a rectangle over the picture. Holding Shift while dragging does the same at any time.</translation>
    </message>
    <message>
        <source>Drag a rectangle over a picture to search with that part (Esc cancels).</source>
        <translation>Drag a rectangle over a picture to search with that part (Esc cancels).</translation>
    </message>
</context>
<context>
    <name>weft::ui::RepairOffer</name>
    <message numerus="yes">
        <source>• and %n more</source>
        <translation><numerusform>• and %n more</numerusform><numerusform>• and %n more</numerusform></translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>Repairing the library…</source>
        <translation>Repairing the library…</translation>
    </message>
    <message>
        <source>The library could not be repaired.
%1</source>
        <translation>The library could not be repaired.
%1</translation>
    </message>
    <message>
        <source>Weft found damage in the library's catalog:</source>
        <translation>Weft found damage in the library's catalog:</translation>
    </message>
    <message>
        <source>• the catalog file: %1</source>
        <translation>• the catalog file: %1</translation>
    </message>
    <message>
        <source>These patterns are left out of searches until they are indexed again.</source>
        <translation>These patterns are left out of searches until they are indexed again.</translation>
    </message>
    <message>
        <source>Repair checks the whole catalog, saves what can still be read, sets damaged entries aside to be indexed again and rebuilds the search index; folders and collections are kept (weft-cli repair does the same).</source>
        <translation>Repair checks the whole catalog, saves what can still be read, sets damaged entries aside to be indexed again and rebuilds the search index; folders and collections are kept (weft-cli repair does the same).</translation>
    </message>
    <message>
        <source>checking the catalog file</source>
        <translation>checking the catalog file</translation>
    </message>
    <message>
        <source>saving what can be read into a new catalog</source>
        <translation>saving what can be read into a new catalog</translation>
    </message>
    <message>
        <source>checking every entry and rebuilding the search index</source>
        <translation>checking every entry and rebuilding the search index</translation>
    </message>
    <message>
        <source>checking the result</source>
        <translation>checking the result</translation>
    </message>
    <message>
        <source>opening the library again</source>
        <translation>opening the library again</translation>
    </message>
    <message>
        <source>Repairing the library, step %1 of %2: %3…</source>
        <translation>Repairing the library, step %1 of %2: %3…</translation>
    </message>
    <message>
        <source>The repair could not make the catalog sound: %1
Restore catalog.sqlite in %2 from a backup, or move it aside and add the library's folders again.</source>
        <translation>The repair could not make the catalog sound: %1
Restore catalog.sqlite in %2 from a backup, or move it aside and add the library's folders again.</translation>
    </message>
    <message numerus="yes">
        <source>Repair finished: nothing in the library is damaged. The search index was rebuilt from %n patterns.</source>
        <translation><numerusform>Repair finished: nothing in the library is damaged. The search index was rebuilt from %n patterns.</numerusform><numerusform>Repair finished: nothing in the library is damaged. The search index was rebuilt from %n patterns.</numerusform></translation>
    </message>
    <message>
        <source>Repair finished.</source>
        <translation>Repair finished.</translation>
    </message>
    <message>
        <source>The catalog file was damaged: what could be read was saved into a new catalog, and the damaged file is kept as %1.</source>
        <translation>The catalog file was damaged: what could be read was saved into a new catalog, and the damaged file is kept as %1.</translation>
    </message>
    <message>
        <source>Some entries could not be read and are lost; a rescan finds those patterns again.</source>
        <translation>Some entries could not be read and are lost; a rescan finds those patterns again.</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged entries were set aside and are indexed again:</source>
        <translation><numerusform>%n damaged entries were set aside and are indexed again:</numerusform><numerusform>%n damaged entries were set aside and are indexed again:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The search index was rebuilt from %n patterns; folders and collections are kept.</source>
        <translation><numerusform>The search index was rebuilt from %n patterns; folders and collections are kept.</numerusform><numerusform>The search index was rebuilt from %n patterns; folders and collections are kept.</numerusform></translation>
    </message>
</context>
<context>
    <name>weft::ui::ResultsModel</name>
    <message>
        <source>%1
Rank %2, score %3</source>
        <translation>%1
Rank %2, score %3</translation>
    </message>
    <message>
        <source>#%1  %2</source>
        <translation>#%1  %2</translation>
    </message>
</context>
<context>
    <name>weft::ui::SearchHistory</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>Back to the search before (%1)</source>
        <translation>Back to the search before (%1)</translation>
    </message>
    <message>
        <source>Forward to the search after (%1)</source>
        <translation>Forward to the search after (%1)</translation>
    </message>
</context>
<context>
    <name>weft::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>Library folder</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (default)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>A new language takes effect when Weft is restarted.</source>
        <translation>A new language takes effect when Weft is restarted.</translation>
    </message>
    <message>
        <source>Library folder:</source>
        <translation>Library folder:</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>Thumbnail size:</source>
        <translation>Thumbnail size:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Changing the model, the component detector or the colour weight re-indexes the library with the new method.</source>
        <translation>Changing the model, the component detector or the colour weight re-indexes the library with the new method.</translation>
    </message>
    <message>
        <source>These settings do not fit together: %1</source>
        <translation>These settings do not fit together: %1</translation>
    </message>
</context>
<context>
    <name>weft::ui::SwatchSource</name>
    <message>
        <source>pasted image</source>
        <translation>pasted image</translation>
    </message>
</context>
</TS>