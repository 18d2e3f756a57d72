// An append-only sequence stored in fixed-size chunks: MemoryStore's
// attempt, disposition and audit records.
//
// Why not std::vector: a working day appends tens of thousands of records
// of 100-200 bytes each, and a vector that doubles copies every record at
// each growth and touches twice the memory it ends up using (the old and
// the new buffer, each page faulted in fresh). Chunks never move: a record
// is written once, and only the pages records actually fill are touched.
//
// Not thread-safe: MemoryStore holds its mutex around every use.
#ifndef DIALER_STORE_CHUNKED_LOG_H_
#define DIALER_STORE_CHUNKED_LOG_H_

#include <cstddef>
#include <vector>

namespace dialer {
inline namespace v1 {

template <typename T>
class ChunkedLog {
 public:
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // REQUIRES: i < size().
  const T& operator[](size_t i) const {
    return chunks_[i / kChunk][i % kChunk];
  }

  void push_back(const T& value) {
    if (size_ % kChunk == 0) {
      chunks_.emplace_back();
      // Reserved, not filled: the chunk's pages are touched as it fills.
      chunks_.back().reserve(kChunk);
    }
    chunks_.back().push_back(value);
    ++size_;
  }

  // A copy in one vector, in order (MemoryStore::Snapshot).
  std::vector<T> ToVector() const {
    std::vector<T> out;
    out.reserve(size_);
    for (const std::vector<T>& chunk : chunks_) {
      out.insert(out.end(), chunk.begin(), chunk.end());
    }
    return out;
  }

 private:
  static constexpr size_t kChunk = 1024;
  std::vector<std::vector<T>> chunks_;
  size_t size_ = 0;
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_STORE_CHUNKED_LOG_H_
