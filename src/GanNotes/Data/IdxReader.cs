using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace GanNotes.Data;

/// <summary>
/// Reads unsigned-byte IDX files (MNIST, Fashion-MNIST), gzip-compressed or raw.
/// </summary>
/// <remarks>
/// Compression is detected from the content (the gzip magic bytes 1F 8B), never from the
/// file name, so <c>x.gz</c> that was already unpacked still reads. The reader checks the
/// magic number, the element type (unsigned byte only), the number of dimensions, and that
/// exactly the declared number of data bytes follows the header: a truncated file or one
/// with trailing bytes is refused. Every problem is reported as an
/// <see cref="IdxFormatException"/> whose one-line message names the file.
/// </remarks>
public static class IdxReader
{
    /// <summary>The IDX element type of unsigned bytes (byte 2 of the magic number).</summary>
    public const byte UnsignedByteType = 0x08;

    /// <summary>The magic number of a label file: unsigned bytes, 1 dimension [N].</summary>
    public const int LabelsMagicNumber = 0x00000801;

    /// <summary>The magic number of an image file: unsigned bytes, 3 dimensions [N, rows, columns].</summary>
    public const int ImagesMagicNumber = 0x00000803;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Reads only the header of <paramref name="path"/> (cheap, even for a large gzip file).</summary>
    /// <exception cref="IdxFormatException">The header is invalid or not unsigned bytes.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxHeader ReadHeader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = Open(path);
        return ReadHeader(stream, path, expectedRank: null);
    }

    /// <summary>Reads an unsigned-byte IDX file of any number of dimensions.</summary>
    /// <exception cref="IdxFormatException">The file is not a valid unsigned-byte IDX file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxArray Read(string path) => Read(path, expectedRank: null);

    /// <summary>Reads an image file: magic number 0x00000803, dimensions [N, rows, columns], all non-zero.</summary>
    /// <exception cref="IdxFormatException">The file is not a non-empty unsigned-byte image file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxArray ReadImages(string path) => Read(path, expectedRank: 3);

    /// <summary>Reads a label file: magic number 0x00000801, dimensions [N], N non-zero.</summary>
    /// <returns>The N labels.</returns>
    /// <exception cref="IdxFormatException">The file is not a non-empty unsigned-byte label file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static byte[] ReadLabels(string path) => Read(path, expectedRank: 1).Data;

    private static IdxArray Read(string path, int? expectedRank)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = Open(path);
        var header = ReadHeader(stream, path, expectedRank);
        var dims = header.Dimensions.ToArray();
        var data = new byte[header.ElementCount];
        int got = ReadFully(stream, data, path);
        if (got < data.Length)
        {
            throw new IdxFormatException(path, string.Create(Invariant,
                $"truncated: the header declares {data.Length} data bytes ({IdxHeader.Format(dims)}) but only {got} follow"));
        }
        long trailing = CountRemaining(stream, path);
        if (trailing > 0)
        {
            throw new IdxFormatException(path, string.Create(Invariant,
                $"{trailing} trailing byte(s) after the {data.Length} data bytes the header declares ({IdxHeader.Format(dims)})"));
        }
        return new IdxArray(dims, data);
    }

    private static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B
                ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: false)
                : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static IdxHeader ReadHeader(Stream stream, string path, int? expectedRank)
    {
        Span<byte> magic = stackalloc byte[4];
        int got = ReadFully(stream, magic, path);
        if (got == 0)
        {
            throw new IdxFormatException(path, "the file is empty; expected an IDX header");
        }
        if (got < 4)
        {
            throw new IdxFormatException(path, string.Create(Invariant,
                $"truncated header: {got} byte(s), too short for the 4-byte IDX magic number"));
        }
        int magicNumber = BinaryPrimitives.ReadInt32BigEndian(magic);
        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new IdxFormatException(path, string.Create(Invariant,
                $"bad magic number 0x{magicNumber:X8}: not an IDX file (it must start with two zero bytes, then the element type and the number of dimensions)"));
        }
        byte type = magic[2];
        int rank = magic[3];
        if (type != UnsignedByteType)
        {
            throw new IdxFormatException(path, string.Create(Invariant,
                $"unsupported element type 0x{type:X2} ({IdxHeader.TypeName(type)}) in magic number 0x{magicNumber:X8}; only 0x08 (unsigned byte) is supported"));
        }
        if (rank == 0)
        {
            throw new IdxFormatException(path, string.Create(Invariant,
                $"magic number 0x{magicNumber:X8} declares 0 dimensions"));
        }
        if (expectedRank is int expected && rank != expected)
        {
            int expectedMagic = (UnsignedByteType << 8) | expected;
            throw new IdxFormatException(path, string.Create(Invariant,
                $"magic number 0x{magicNumber:X8} declares {rank} dimension(s); {KindOf(expected)} need 0x{expectedMagic:X8} ({expected} dimension(s))"));
        }

        var sizes = new byte[4 * rank];
        got = ReadFully(stream, sizes, path);
        if (got < sizes.Length)
        {
            throw new IdxFormatException(path, string.Create(Invariant,
                $"truncated header: {rank} dimension sizes need {sizes.Length} bytes after the magic number, only {got} follow"));
        }
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(sizes.AsSpan(4 * i));
            if (size > int.MaxValue)
            {
                throw new IdxFormatException(path, string.Create(Invariant, $"dimension {i} has an impossible size {size}"));
            }
            dims[i] = (int)size;
        }
        long count = IdxHeader.Product(dims);
        if (count > Array.MaxLength)
        {
            throw new IdxFormatException(path, string.Create(Invariant,
                $"the header declares {IdxHeader.Format(dims)} values, more than one array can hold"));
        }
        if (expectedRank is int kind && dims.Contains(0))
        {
            string problem = dims[0] == 0
                ? $"contains no {(kind == 3 ? "images" : "labels")}: the header declares {IdxHeader.Format(dims)}"
                : $"declares empty items: the header declares {IdxHeader.Format(dims)}";
            throw new IdxFormatException(path, problem);
        }
        return new IdxHeader(type, dims);
    }

    /// <summary>The problem reported for gzip data that fails to decode.</summary>
    internal const string CorruptGzip =
        "corrupt gzip data: the file is damaged (a checksum or a compressed block does not decode); replace it with a good copy";

    private static string KindOf(int rank) => rank switch
    {
        1 => "label files",
        3 => "image files",
        _ => string.Create(Invariant, $"{rank}-D files"),
    };

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    private static int ReadFully(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            // The gzip decoder's own text can mislead (a bad CRC reads "unsupported compression
            // method"): say what it means, and keep the decoder's error as the cause.
            throw new IdxFormatException(path, CorruptGzip, e);
        }
    }

    private static long CountRemaining(Stream stream, string path)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = ReadFully(stream, buffer, path)) > 0)
        {
            total += n;
        }
        return total;
    }
}
