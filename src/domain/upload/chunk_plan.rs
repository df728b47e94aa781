//! How a file is cut into chunks (file.md §5 "Per-storage-type protocols"): slices at multiples of
//! the session's `chunk_size`; one slice when `chunk_size` is 0 or not smaller than the file; one
//! empty slice for an empty file.

/// The chunks of one upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkPlan {
    size: u64,
    chunk_size: u64,
}

impl ChunkPlan {
    /// The plan for a file of `size` bytes sent in chunks of `chunk_size` (0 = one request).
    pub fn new(size: u64, chunk_size: u64) -> Self {
        ChunkPlan { size, chunk_size }
    }

    /// How many requests the file takes (at least one, even when empty).
    pub fn count(&self) -> usize {
        if self.chunk_size == 0 || self.size <= self.chunk_size {
            1
        } else {
            self.size.div_ceil(self.chunk_size) as usize
        }
    }

    /// Byte range `[start, end)` of chunk `index`.
    pub fn range(&self, index: usize) -> (u64, u64) {
        if self.count() == 1 {
            return (0, self.size);
        }
        let start = (index as u64)
            .saturating_mul(self.chunk_size)
            .min(self.size);
        let end = start.saturating_add(self.chunk_size).min(self.size);
        (start, end)
    }

    /// Length of chunk `index`.
    pub fn len(&self, index: usize) -> u64 {
        let (start, end) = self.range(index);
        end - start
    }

    /// The file's size.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Index of the last chunk (the one that completes local and relay uploads).
    pub fn last(&self) -> usize {
        self.count() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_at_multiples_of_the_chunk_size() {
        let plan = ChunkPlan::new(10, 4);
        assert_eq!(plan.count(), 3);
        assert_eq!(plan.range(0), (0, 4));
        assert_eq!(plan.range(1), (4, 8));
        assert_eq!(plan.range(2), (8, 10));
        assert_eq!(plan.last(), 2);
    }

    #[test]
    fn exact_multiple_has_no_empty_tail() {
        let plan = ChunkPlan::new(8, 4);
        assert_eq!(plan.count(), 2);
        assert_eq!(plan.len(1), 4);
    }

    #[test]
    fn zero_chunk_size_or_small_file_is_one_request() {
        assert_eq!(ChunkPlan::new(100, 0).count(), 1);
        assert_eq!(ChunkPlan::new(100, 0).range(0), (0, 100));
        assert_eq!(ChunkPlan::new(100, 100).count(), 1);
        assert_eq!(ChunkPlan::new(3, 100).range(0), (0, 3));
    }

    #[test]
    fn empty_file_is_one_empty_request() {
        let plan = ChunkPlan::new(0, 4);
        assert_eq!(plan.count(), 1);
        assert_eq!(plan.range(0), (0, 0));
    }

    #[test]
    fn the_ranges_cover_the_file_exactly() {
        for (size, chunk) in [
            (1u64, 1u64),
            (5, 2),
            (1 << 20, 1000),
            (999, 1000),
            (1001, 1000),
        ] {
            let plan = ChunkPlan::new(size, chunk);
            let mut next = 0;
            for i in 0..plan.count() {
                let (s, e) = plan.range(i);
                assert_eq!(s, next);
                assert!(e > s || size == 0);
                next = e;
            }
            assert_eq!(next, size);
        }
    }
}
