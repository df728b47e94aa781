//! Which actions a folder view offers, from the file system's capability bits and what is
//! selected. Shared by the context menu, the selection toolbar and the keyboard shortcuts, so the
//! three never disagree.

use cloudreve_api::boolset::capability as cap;
use cloudreve_api::{Boolset, FileSystem};

/// An action on the selection or on the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    /// Open the one selected item (enter a folder, view a file).
    Open,
    /// Download the selection (one file directly, several or folders as one archive or a tree).
    Download,
    /// Rename the one selected item.
    Rename,
    /// Move into another folder.
    MoveTo,
    /// Copy into another folder.
    CopyTo,
    /// Move to the trash.
    Delete,
    /// Delete without the trash.
    DeleteForGood,
    /// Put trash items back.
    Restore,
    /// Edit tags.
    Tags,
    /// List, open and manage the versions of the one selected file.
    Versions,
    /// Show details.
    Info,
    /// Open the item's full activity feed (menus only; the details show it too).
    Activity,
    /// Create a share link for the one selected item.
    Share,
    /// Make direct links to the selected files.
    DirectLinks,
    /// Pin the one selected folder to the sidebar.
    Pin,
    /// Select everything in the folder.
    SelectAll,
    /// Swap selected and unselected.
    InvertSelection,
    /// Select nothing.
    ClearSelection,
    /// Create a folder here.
    NewFolder,
    /// Upload files into this folder.
    UploadFiles,
    /// Upload a folder (with its subfolders) into this folder.
    UploadFolder,
    /// Create an empty file here.
    NewFile,
    /// Load the folder again.
    Refresh,
    /// Delete everything in the trash.
    EmptyTrash,
}

/// What the actions depend on.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The file system on screen.
    pub fs: Option<FileSystem>,
    /// Whether the listing is a search.
    pub search: bool,
    /// The listing's capability bits.
    pub capability: Boolset,
    /// How many items the action targets.
    pub targets: usize,
    /// Whether the single target is a folder.
    pub single_folder: bool,
    /// Whether the folder has any items.
    pub has_items: bool,
    /// Whether the user's group may make direct links (`direct_link_batch_size` > 0).
    pub direct_links: bool,
}

/// Whether items of file system `fs` can be moved into a folder of mine. CE servers don't set the
/// Pro move/copy bits but allow moves inside my files and out of the trash (file.md §Move).
pub fn can_move(fs: Option<&FileSystem>, capability: &Boolset) -> bool {
    capability.get(cap::MOVE_TO_MY) || matches!(fs, Some(FileSystem::My | FileSystem::Trash))
}

/// Whether items of file system `fs` can be copied into a folder of mine (CE: inside my files).
pub fn can_copy(fs: Option<&FileSystem>, capability: &Boolset) -> bool {
    capability.get(cap::COPY_TO_MY) || matches!(fs, Some(FileSystem::My))
}

impl Context {
    fn can(&self, bit: usize) -> bool {
        self.capability.get(bit)
    }

    fn is(&self, fs: FileSystem) -> bool {
        self.fs.as_ref() == Some(&fs)
    }
}

/// Actions for the targeted items (a right click on an item, the selection toolbar).
pub fn for_items(c: &Context) -> Vec<FileAction> {
    use FileAction::*;
    let mut out = Vec::new();
    if c.targets == 0 {
        return out;
    }
    let one = c.targets == 1;
    let trash = c.is(FileSystem::Trash);
    let my = c.is(FileSystem::My);
    if one && !trash {
        out.push(Open);
    }
    if c.can(cap::DOWNLOAD) && !trash {
        out.push(Download);
    }
    if one && c.can(cap::RENAME) && !trash {
        out.push(Rename);
    }
    if trash && c.can(cap::RESTORE) {
        out.push(Restore);
    }
    if can_move(c.fs.as_ref(), &c.capability) {
        out.push(MoveTo);
    }
    if can_copy(c.fs.as_ref(), &c.capability) {
        out.push(CopyTo);
    }
    if c.can(cap::UPDATE_METADATA) && my {
        out.push(Tags);
    }
    if one && !c.single_folder && c.can(cap::VERSION_CONTROL) && my {
        out.push(Versions);
    }
    if one && c.single_folder && my && !c.search {
        out.push(Pin);
    }
    if one && c.can(cap::INFO) {
        out.push(Info);
    }
    if one && my && !c.search {
        out.push(Activity);
    }
    if one && my && !c.search && c.can(cap::SHARE) {
        out.push(Share);
    }
    if my && c.direct_links && !c.single_folder && c.can(cap::DOWNLOAD) {
        out.push(DirectLinks);
    }
    if c.can(cap::SOFT_DELETE) && !trash {
        out.push(Delete);
    }
    if c.can(cap::DELETE) {
        out.push(DeleteForGood);
    }
    out
}

/// Actions for the folder itself (a right click on the background).
pub fn for_folder(c: &Context) -> Vec<FileAction> {
    use FileAction::*;
    let mut out = Vec::new();
    if c.can(cap::UPLOAD) && c.is(FileSystem::My) && !c.search {
        out.extend([UploadFiles, UploadFolder]);
    }
    if c.can(cap::CREATE) && c.is(FileSystem::My) && !c.search {
        out.extend([NewFolder, NewFile]);
    }
    if c.has_items {
        out.extend([SelectAll, InvertSelection]);
    }
    if c.targets > 0 {
        out.push(ClearSelection);
    }
    if c.is(FileSystem::Trash) && c.has_items {
        out.push(EmptyTrash);
    }
    out.push(Refresh);
    out
}

#[cfg(test)]
mod tests {
    use super::FileAction::*;
    use super::*;

    fn ctx(fs: FileSystem, bits: &[usize], targets: usize, folder: bool) -> Context {
        Context {
            fs: Some(fs),
            search: false,
            capability: Boolset::from_bits(bits.iter().copied()),
            targets,
            single_folder: folder,
            has_items: true,
            direct_links: true,
        }
    }

    #[test]
    fn my_files_offer_the_full_set_by_capability() {
        let c = ctx(FileSystem::My, cap::CE_MY, 1, true);
        assert_eq!(
            for_items(&c),
            [
                Open,
                Download,
                Rename,
                MoveTo,
                CopyTo,
                Tags,
                Pin,
                Info,
                Activity,
                Share,
                Delete,
                DeleteForGood
            ]
        );
        let file = ctx(FileSystem::My, cap::CE_MY, 1, false);
        assert!(
            for_items(&file).contains(&Versions),
            "one file has versions"
        );
        let many = ctx(FileSystem::My, cap::CE_MY, 3, false);
        assert_eq!(
            for_items(&many),
            [
                Download,
                MoveTo,
                CopyTo,
                Tags,
                DirectLinks,
                Delete,
                DeleteForGood
            ]
        );
        assert_eq!(
            for_folder(&many)[..4],
            [UploadFiles, UploadFolder, NewFolder, NewFile]
        );
        let trash = ctx(FileSystem::Trash, cap::CE_TRASH, 0, false);
        assert!(!for_folder(&trash).contains(&UploadFiles));
    }

    #[test]
    fn the_trash_restores_and_deletes_for_good_only() {
        let c = ctx(FileSystem::Trash, cap::CE_TRASH, 2, false);
        assert_eq!(for_items(&c), [Restore, MoveTo, DeleteForGood]);
        assert!(for_folder(&c).contains(&EmptyTrash));
        assert!(!for_folder(&c).contains(&NewFolder));
    }

    #[test]
    fn missing_bits_remove_actions() {
        let c = ctx(FileSystem::SharedWithMe, cap::CE_SHARED_WITH_ME, 1, false);
        assert_eq!(for_items(&c), [Open, Download]);
        let c = ctx(FileSystem::SharedWithMe, &[], 1, false);
        assert_eq!(for_items(&c), [Open], "no download bit, no download");
        assert!(for_items(&ctx(FileSystem::My, cap::CE_MY, 0, false)).is_empty());
    }

    #[test]
    fn shares_and_direct_links_are_offered_in_my_files_only() {
        let file = ctx(FileSystem::My, cap::CE_MY, 1, false);
        assert!(for_items(&file).contains(&Share) && for_items(&file).contains(&DirectLinks));
        let no_links = Context {
            direct_links: false,
            ..file.clone()
        };
        assert!(
            !for_items(&no_links).contains(&DirectLinks),
            "the group decides"
        );
        let two = ctx(FileSystem::My, cap::CE_MY, 2, false);
        assert!(!for_items(&two).contains(&Share), "one item per share");
        let visitor = ctx(FileSystem::Share, cap::CE_SHARE, 1, false);
        let offered = for_items(&visitor);
        assert!(
            !offered.contains(&Share) && !offered.contains(&DirectLinks),
            "{offered:?}"
        );
        assert!(
            offered.contains(&Download) && !offered.contains(&Rename),
            "{offered:?}"
        );
    }
}
