//! WebDAV accounts (models.md §DavAccount).
