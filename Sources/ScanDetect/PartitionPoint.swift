extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `isBefore` is false, by binary search: the
    /// elements for which it holds must all come first (a sorted array, asked "less than x?").
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
