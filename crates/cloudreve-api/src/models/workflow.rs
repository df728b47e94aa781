//! Background tasks: list, progress, archives, remote downloads (models.md §TaskResponse, workflow.md).
