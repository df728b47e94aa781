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
    ErrNetwork => "Cannot reach the server. Check your connection and try again.", "无法连接到服务器，请检查网络后重试。";
    ErrDecode => "The server sent a response this app does not understand.", "服务器返回了无法识别的响应。";
    ErrCode => "The server reported an error (code {code}).", "服务器返回错误（代码 {code}）。";
}
