//! The translation table: one line per UI string, English then Simplified Chinese.

use super::Locale;

macro_rules! keys {
    ($( $key:ident => $en:literal, $zh:literal; )*) => {
        /// A UI string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $( #[doc = $en] $key, )* }

        impl Key {
            /// Every key.
            pub const ALL: &'static [Key] = &[ $( Key::$key, )* ];

            /// The text in `locale`.
            pub fn text(self, locale: Locale) -> &'static str {
                match locale {
                    Locale::En => match self { $( Key::$key => $en, )* },
                    Locale::ZhCn => match self { $( Key::$key => $zh, )* },
                }
            }
        }
    };
}

keys! {
    SignIn => "Sign in", "登录";
    SignInTitle => "Sign in to your cloud drive", "登录到你的云盘";
    Email => "Email", "电子邮箱";
    Password => "Password", "密码";
    Next => "Next", "下一步";
    Back => "Back", "返回";
    Captcha => "Verification code in the image", "图中的验证码";
    CaptchaImage => "Verification image", "验证码图片";
    CaptchaRefresh => "Show a new image", "换一张";
    TwoFaTitle => "Two-step verification", "两步验证";
    TwoFaHint => "Enter the 6-digit code from your authenticator app.", "请输入身份验证器应用中的 6 位验证码。";
    TwoFaCode => "One-time code", "一次性验证码";
    Verify => "Verify", "验证";
    Working => "Please wait…", "请稍候…";
    SignedInAs => "Signed in as {email}", "已登录为 {email}";
    NoPassword => "This account has no password. Sign in with the method you set up.", "该账户未设置密码，请使用你设置的其他方式登录。";
    NoAccount => "No account uses this email.", "没有使用此电子邮箱的账户。";
    EmailInvalid => "Enter a valid email address.", "请输入有效的电子邮箱地址。";
    PasswordShort => "The password needs at least 4 characters.", "密码至少需要 4 个字符。";
    MyFiles => "My files", "我的文件";
    Trash => "Trash", "回收站";
    SharedWithMe => "Shared with me", "与我共享";
    Storage => "Storage", "存储空间";
    StorageUsed => "{used} of {total} used", "已使用 {used}，共 {total}";
    SignOut => "Sign out", "退出登录";
    Language => "Language / 语言", "语言 / Language";
    Theme => "Theme", "主题";
    ThemeLight => "Light", "浅色";
    ThemeDark => "Dark", "深色";
    ThemeSystem => "Follow system", "跟随系统";
    OpenMenu => "Open navigation", "打开导航";
    CloseMenu => "Close navigation", "关闭导航";
    Navigation => "Main navigation", "主导航";
    Name => "Name", "名称";
    Size => "Size", "大小";
    Modified => "Modified", "修改时间";
    Loading => "Loading…", "加载中…";
    EmptyFolder => "This folder is empty.", "此文件夹为空。";
    Retry => "Try again", "重试";
    ErrorTitle => "Something went wrong", "出错了";
    RequestId => "Request ID: {id}", "请求 ID：{id}";
    NotFoundTitle => "Page not found", "页面不存在";
    NotFoundBody => "The address you opened does not exist.", "你打开的地址不存在。";
    GoHome => "Go to My files", "前往我的文件";
    ShareComingSoon => "Opening shared links is coming soon.", "分享链接页面即将推出。";
    ComingSoon => "This section is coming soon.", "此功能即将推出。";
    Folder => "Folder", "文件夹";
    Location => "Current location", "当前位置";
    NewFolder => "New folder", "新建文件夹";
    FolderName => "Folder name", "文件夹名称";
    Create => "Create", "创建";
    Cancel => "Cancel", "取消";
    SkipToContent => "Skip to content", "跳到主要内容";
    FilesCaption => "Files in this folder", "此文件夹中的文件";
    ItemCount => "{count} items", "{count} 项";
    Actions => "Actions", "操作";
    AddTag => "Add", "添加";
    CalculateSize => "Calculate size", "计算大小";
    ClearSelection => "Clear selection", "取消选择";
    Close => "Close", "关闭";
    CopiedCount => "Copied {count} item(s).", "已复制 {count} 项。";
    CopyHere => "Copy here", "复制到这里";
    CopyTo => "Copy to…", "复制到…";
    Created => "Created", "创建时间";
    Delete => "Delete", "删除";
    DeleteForGood => "Delete permanently", "永久删除";
    DeleteManyForGood => "Permanently delete {count} items? This cannot be undone.", "永久删除这 {count} 项？此操作无法撤销。";
    DeleteManyToTrash => "Move {count} items to the trash?", "将这 {count} 项移到回收站？";
    DeleteOneForGood => "Permanently delete “{name}”? This cannot be undone.", "永久删除“{name}”？此操作无法撤销。";
    DeleteOneToTrash => "Move “{name}” to the trash?", "将“{name}”移到回收站？";
    DeletedForGood => "Permanently deleted {count} item(s).", "已永久删除 {count} 项。";
    EmptyTrash => "Empty trash", "清空回收站";
    EmptyTrashConfirm => "Permanently delete everything in the trash? This cannot be undone.", "永久删除回收站中的所有内容？此操作无法撤销。";
    FailedItems => "Items that failed", "失败的项目";
    File => "File", "文件";
    FolderSummary => "{size} in {files} files and {folders} folders", "{files} 个文件、{folders} 个文件夹，共 {size}";
    Folders => "Folders", "文件夹";
    ForceUnlock => "Unlock and retry", "解锁并重试";
    Info => "Details", "详细信息";
    InvertSelection => "Invert selection", "反选";
    Kind => "Kind", "类型";
    LoadMore => "Load more", "加载更多";
    LockedBody => "These items are locked by another operation or app. Unlocking may interrupt it.", "这些项目被其他操作或应用锁定。解锁可能会中断它。";
    LockedBy => "Locked by: {app}", "锁定者：{app}";
    LockedNotYours => "These items are locked by someone else; only their owner can unlock them.", "这些项目被他人锁定，只有所有者可以解锁。";
    LockedTitle => "Items are locked", "项目已锁定";
    MoveHere => "Move here", "移动到这里";
    MoveTo => "Move to…", "移动到…";
    MovedCount => "Moved {count} item(s).", "已移动 {count} 项。";
    MovedToTrash => "Moved {count} item(s) to the trash.", "已将 {count} 项移到回收站。";
    NameBadCharacter => "Names cannot contain \\ / : * ? \" < > | or control characters.", "名称不能包含 \\ / : * ? \" < > | 或控制字符。";
    NameEmpty => "Enter a name.", "请输入名称。";
    NameReserved => "“.” and “..” cannot be used as names.", "“.”和“..”不能用作名称。";
    NameTooLong => "The name is too long (at most 255 bytes).", "名称过长（最多 255 字节）。";
    NewFile => "New file", "新建文件";
    NewTag => "New tag", "新标签";
    NoResults => "Nothing matches your search.", "没有符合搜索条件的内容。";
    NoSubfolders => "No folders here.", "这里没有文件夹。";
    Open => "Open", "打开";
    PinToSidebar => "Pin to sidebar", "固定到侧边栏";
    Pinned => "Pinned to the sidebar.", "已固定到侧边栏。";
    Refresh => "Refresh", "刷新";
    RemoveTag => "Remove tag {tag}", "移除标签 {tag}";
    Rename => "Rename", "重命名";
    RenamedOne => "Renamed.", "已重命名。";
    Restore => "Restore", "还原";
    RestoredCount => "Restored {count} item(s).", "已还原 {count} 项。";
    Save => "Save", "保存";
    SearchResults => "Search results", "搜索结果";
    SearchResultsFor => "Results for “{query}”", "“{query}”的搜索结果";
    SelectAll => "Select all", "全选";
    SelectedCount => "{count} selected", "已选择 {count} 项";
    ShowFullPath => "Show the full path", "显示完整路径";
    SomeFailed => "{count} item(s) could not be processed", "{count} 项未能完成";
    SpaceUsed => "Space used", "占用空间";
    StoragePolicy => "Storage policy", "存储策略";
    Tags => "Tags", "标签";
    TileSize => "Tile size", "图块大小";
    UpOneLevel => "Up one level", "上一级";
    ViewGallery => "Gallery", "画廊";
    ViewGrid => "Grid", "网格";
    ViewList => "List", "列表";
    ViewMode => "View", "视图";
    Where => "Location", "位置";
    Audio => "Audio", "音频";
    Categories => "Categories", "分类";
    CollapseFolder => "Collapse {name}", "收起 {name}";
    Documents => "Documents", "文档";
    ExpandFolder => "Expand {name}", "展开 {name}";
    FolderTree => "All folders", "全部文件夹";
    Images => "Images", "图片";
    Pins => "Pinned", "已固定";
    Search => "Search", "搜索";
    SearchPlaceholder => "Search my files", "搜索我的文件";
    Unpin => "Unpin {name}", "取消固定 {name}";
    Videos => "Videos", "视频";
    AdvancedSearch => "Advanced search", "高级搜索";
    KindAny => "Files and folders", "文件和文件夹";
    MatchCase => "Match case", "区分大小写";
    ModifiedAfter => "Modified on or after", "修改日期不早于";
    ModifiedBefore => "Modified on or before", "修改日期不晚于";
    SearchWords => "Name contains", "名称包含";
    SizeAtLeast => "Size at least (MiB)", "大小至少（MiB）";
    SizeAtMost => "Size at most (MiB)", "大小至多（MiB）";
    WithTag => "Has tag", "带有标签";
    ErrNetwork => "Cannot reach the server. Check your connection and try again.", "无法连接到服务器，请检查网络后重试。";
    ErrDecode => "The server sent a response this app does not understand.", "服务器返回了无法识别的响应。";
    ErrCode => "The server reported an error (code {code}).", "服务器返回错误（代码 {code}）。";
    Upload => "Upload", "上传";
    UploadFiles => "Upload files", "上传文件";
    UploadFolder => "Upload folder", "上传文件夹";
    UploadQueueTitle => "Uploads", "上传队列";
    UploadSummary => "{done} of {total} files · {sent} of {size}", "{done}/{total} 个文件 · {sent}/{size}";
    UploadSpeed => "{speed}/s · {left} left", "{speed}/s · 剩余 {left}";
    UploadAllDone => "All uploads finished", "全部上传完成";
    PauseAll => "Pause all", "全部暂停";
    ResumeAll => "Resume all", "全部继续";
    CancelAll => "Cancel all", "全部取消";
    ClearFinished => "Clear finished", "清除已完成";
    Pause => "Pause", "暂停";
    Resume => "Resume", "继续";
    UploadConcurrency => "Files at once", "同时上传文件数";
    HideUploads => "Hide uploads", "收起上传列表";
    ShowUploads => "Show uploads", "展开上传列表";
    UploadQueued => "Waiting", "等待中";
    UploadStarting => "Preparing…", "准备中…";
    UploadUploading => "Uploading", "上传中";
    UploadCompleting => "Finishing…", "正在完成…";
    UploadPaused => "Paused", "已暂停";
    UploadNeedsFile => "Pick the file again to resume", "重新选择文件以继续";
    UploadAwaiting => "Name exists", "名称已存在";
    UploadFailed => "Failed", "失败";
    UploadDone => "Done", "已完成";
    UploadCancelled => "Cancelled", "已取消";
    UploadSkipped => "Skipped", "已跳过";
    UploadRetrying => "Retrying after an error: {error}", "出错后重试：{error}";
    ResumeWaitingOne => "An unfinished upload waits for its file", "1 个未完成的上传等待重新选择文件";
    ResumeWaiting => "{count} unfinished uploads wait for their files", "{count} 个未完成的上传等待重新选择文件";
    PickFiles => "Choose files", "选择文件";
    PickFolder => "Choose folder", "选择文件夹";
    ResumeMatched => "{count} uploads resumed", "已继续 {count} 个上传";
    ResumeNoMatch => "None of these files match a waiting upload", "这些文件与等待中的上传都不匹配";
    ConflictTitle => "Some names already exist", "部分名称已存在";
    ConflictBeforeOne => "A file has the same name as an item in the destination. What should happen to it?", "有 1 个文件与目标位置中的项目同名。如何处理？";
    ConflictBefore => "{count} files have the same name as items in the destination. What should happen to them?", "{count} 个文件与目标位置中的项目同名。如何处理？";
    ConflictDuring => "Files of this upload have the same name as items in the destination. What should happen to them?", "此次上传中有文件与目标位置中的项目同名。如何处理？";
    ConflictSkip => "Skip them", "跳过";
    ConflictOverwrite => "Overwrite (new version)", "覆盖（作为新版本）";
    ConflictKeepBoth => "Keep both (rename)", "保留两者（重命名）";
    DropToUpload => "Drop to upload into {folder}", "拖放以上传到 {folder}";
    UploadUnreadable => "{count} dropped items could not be read", "{count} 个拖入的项目无法读取";
    UploadAlreadyQueued => "Already in the upload queue", "已在上传队列中";
    UploadUnsupportedPolicy => "Uploading to this storage type ({type}) is not supported", "不支持向此存储类型（{type}）上传";
    UploadFileMissing => "The file can no longer be read; pick it again", "无法再读取该文件，请重新选择";
    UploadTooLarge => "Larger than the storage policy allows ({max})", "超过存储策略允许的大小（{max}）";
    UploadExtensionNotAllowed => "File type not allowed (allowed: {allowed})", "不允许的文件类型（允许：{allowed}）";
    UploadExtensionDenied => "Files of type .{ext} are not allowed", "不允许 .{ext} 类型的文件";
    UploadNameNotAllowed => "The storage policy does not allow this file name", "存储策略不允许此文件名";
    UploadNotHere => "Files cannot be uploaded here", "无法上传到此处";
    Download => "Download", "下载";
    OpenWith => "Open with", "打开方式";
    NoPreview => "This file cannot be previewed here.", "此文件无法在此预览。";
    ViewerImage => "Image viewer", "图片查看器";
    ViewerVideo => "Video player", "视频播放器";
    ViewerAudio => "Music player", "音乐播放器";
    ViewerPdf => "PDF viewer", "PDF 阅读器";
    ViewerCode => "Text editor", "文本编辑器";
    ViewerMarkdown => "Markdown editor", "Markdown 编辑器";
    ViewerArchive => "Archive contents", "压缩包内容";
    // text viewers
    TextEdit => "Edit", "编辑";
    TextView => "View", "查看";
    TextPreview => "Preview", "预览";
    TextSaving => "Saving…", "正在保存…";
    TextSaved => "Saved", "已保存";
    TextUnsaved => "Unsaved changes", "有未保存的更改";
    TextLossy => "This file is not valid UTF-8: the invalid bytes are shown as �, and saving writes them that way.", "此文件不是有效的 UTF-8：无效字节显示为 �，保存时也会这样写入。";
    TextEditorLabel => "Content of {name}", "{name} 的内容";
    TextEditorHint => "Tab inserts spaces; press Esc and then Tab to leave the text box. Ctrl+S (⌘S) saves.", "Tab 键插入空格；先按 Esc 再按 Tab 可离开文本框。Ctrl+S（⌘S）保存。";
    TextLines => "{count} lines", "{count} 行";
    TextNotSaved => "Not saved: {error} Your text is kept.", "未保存：{error} 你的文本已保留。";
    TextTooLarge => "This file is too large to open here ({size}; the limit is {max}). Download it instead.", "此文件太大，无法在此打开（{size}，上限为 {max}）。请下载。";
    StaleTitle => "The file changed on the server", "文件已在服务器上更改";
    StaleText => "A newer version of {name} was saved since you opened it. Overwrite it with your text, or save your text as a new file?", "自你打开 {name} 以来，已有更新的版本被保存。要用你的文本覆盖它，还是将你的文本另存为新文件？";
    StaleOverwrite => "Overwrite", "覆盖";
    StaleSaveAs => "Save as…", "另存为…";
    SaveAsTitle => "Save as a new file", "另存为新文件";
    UnsavedTitle => "Discard unsaved changes?", "放弃未保存的更改？";
    UnsavedText => "Your changes to {name} have not been saved.", "你对 {name} 的更改尚未保存。";
    UnsavedDiscard => "Discard changes", "放弃更改";
    UnsavedKeep => "Keep editing", "继续编辑";
    MarkdownLabel => "Rendered markdown of {name}", "{name} 的 Markdown 渲染结果";
}
