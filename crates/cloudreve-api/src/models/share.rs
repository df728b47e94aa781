//! Share links and their listings (models.md §Share, §ListShareResponse, §ShareCreateService).
