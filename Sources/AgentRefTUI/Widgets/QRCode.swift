import CQREncode

/// A QR code's modules, encoded by libqrencode.
struct QRCode: Hashable, Sendable {
    /// Modules per side.
    let size: Int
    /// Row-major; true for a dark module.
    private let modules: [Bool]

    /// Encodes `text` as 8-bit data at error correction level L (smallest code), or
    /// returns nil when libqrencode cannot (text too long for any version).
    init?(encoding text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_L, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }

        let width = Int(code.pointee.width)
        // libqrencode sets bit 0 of each byte for a dark module.
        let buffer = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        size = width
        modules = buffer.map { $0 & 1 == 1 }
    }

    /// True for a dark module; positions outside the code are light (the quiet zone).
    subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }
}
