//! [Pro] payments, storage products, membership SKUs and gift codes (models.md, vas.md).
