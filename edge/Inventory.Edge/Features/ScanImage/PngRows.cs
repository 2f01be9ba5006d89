using System.Buffers.Binary;
using System.IO.Compression;

namespace Inventory.Edge.Features.ScanImage;

/// <summary>
/// Reads a non-interlaced PNG one row at a time, as premultiplied BGRA, holding two rows in memory whatever the
/// image's size. SkiaSharp decodes a PNG only whole (its scanline decoder is not implemented for PNG), and a
/// 208 KB PNG may declare 7000×7000 pixels — 196 MB decoded. Every colour type and bit depth of the PNG
/// specification is read; an interlaced image is left to the caller (<see cref="IsInterlaced"/>).
/// </summary>
public sealed class PngRows : IDisposable
{
    private readonly Stream _pixels;
    private readonly byte[] _palette = new byte[256 * 4];
    private readonly int _channels;
    private readonly int _bitDepth;
    private readonly int _colorType;
    private readonly int _filterUnit;
    private readonly ushort[]? _transparent;
    private byte[] _previous;
    private byte[] _current;

    private PngRows(byte[] png, Header header, List<(int Offset, int Length)> idat, byte[]? palette, byte[]? trns)
    {
        Width = header.Width;
        Height = header.Height;
        IsInterlaced = header.Interlace != 0;
        _bitDepth = header.BitDepth;
        _colorType = header.ColorType;
        _channels = header.ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw Damaged("an unknown colour type") };
        _filterUnit = Math.Max(1, _channels * _bitDepth / 8);
        var rowBytes = (int)(((long)Width * _channels * _bitDepth + 7) / 8);
        _previous = new byte[rowBytes];
        _current = new byte[rowBytes];
        if (palette is not null)
        {
            for (var i = 0; i < palette.Length / 3; i++)
            {
                var alpha = trns is not null && i < trns.Length ? trns[i] : (byte)255;
                _palette[i * 4] = palette[(i * 3) + 2];
                _palette[(i * 4) + 1] = palette[(i * 3) + 1];
                _palette[(i * 4) + 2] = palette[i * 3];
                _palette[(i * 4) + 3] = alpha;
            }
        }
        else if (trns is not null && _colorType is 0 or 2 && trns.Length >= 2 * _channels)
        {
            _transparent = [.. Enumerable.Range(0, _channels).Select(c => BinaryPrimitives.ReadUInt16BigEndian(trns.AsSpan(c * 2)))];
        }

        _pixels = new ZLibStream(new ChunkStream(png, idat), CompressionMode.Decompress);
    }

    public int Width { get; }

    public int Height { get; }

    public bool IsInterlaced { get; }

    /// <summary>The PNG's rows, or null when the data is not a PNG this reader can walk (the caller may try Skia).</summary>
    public static PngRows Open(byte[] png)
    {
        Header? header = null;
        byte[]? palette = null;
        byte[]? trns = null;
        var idat = new List<(int, int)>();
        var at = 8;
        while (at + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = at + 8;
            if (length < 0 || data + (long)length > png.Length)
            {
                // A cut-off file: what is there is read, and the pixel stream says where it ends.
                if (type == "IDAT" && data < png.Length)
                {
                    idat.Add((data, png.Length - data));
                }

                break;
            }

            switch (type)
            {
                case "IHDR" when length >= 13:
                    header = new Header(
                        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(data)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(data + 4)),
                        png[data + 8], png[data + 9], png[data + 12]);
                    break;
                case "PLTE":
                    palette = png.AsSpan(data, Math.Min(length, 256 * 3)).ToArray();
                    break;
                case "tRNS":
                    trns = png.AsSpan(data, length).ToArray();
                    break;
                case "IDAT":
                    idat.Add((data, length));
                    break;
            }

            if (type == "IEND")
            {
                break;
            }

            at = data + length + 4;
        }

        if (header is not { Width: > 0, Height: > 0 } h || idat.Count == 0)
        {
            throw Damaged("no image header or no pixel data");
        }

        if (h.ColorType == 3 && palette is null)
        {
            throw Damaged("a palette image without its palette");
        }

        return new PngRows(png, h, idat, palette, trns);
    }

    /// <summary>Reads the next row into <paramref name="bgra"/> (premultiplied BGRA, 4 bytes a pixel).</summary>
    public void ReadRow(Span<byte> bgra)
    {
        NextRow();
        for (var x = 0; x < Width; x++)
        {
            Pixel(x, bgra.Slice(x * 4, 4));
        }
    }

    /// <summary>Skips rows: they are still inflated and unfiltered (each row depends on the one before), not converted.</summary>
    public void SkipRows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            NextRow();
        }
    }

    public void Dispose() => _pixels.Dispose();

    private void NextRow()
    {
        (_previous, _current) = (_current, _previous);
        var filter = _pixels.ReadByte();
        try
        {
            _pixels.ReadExactly(_current);
        }
        catch (EndOfStreamException)
        {
            throw Damaged("it ends early; it may be cut off");
        }
        catch (InvalidDataException)
        {
            throw Damaged("its pixel data is corrupt");
        }

        if (filter < 0)
        {
            throw Damaged("it ends early; it may be cut off");
        }

        Unfilter(filter);
    }

    private static ImageDecoder.UnreadableImageException Damaged(string why) => new($"The PNG could not be read: {why}.");

    private void Unfilter(int filter)
    {
        var row = _current;
        var up = _previous;
        var unit = _filterUnit;
        switch (filter)
        {
            case 0:
                return;
            case 1:
                for (var i = unit; i < row.Length; i++)
                {
                    row[i] += row[i - unit];
                }

                return;
            case 2:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += up[i];
                }

                return;
            case 3:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += (byte)(((i >= unit ? row[i - unit] : 0) + up[i]) / 2);
                }

                return;
            case 4:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += Paeth(i >= unit ? row[i - unit] : (byte)0, up[i], i >= unit ? up[i - unit] : (byte)0);
                }

                return;
            default:
                throw Damaged("a row with an unknown filter");
        }
    }

    private static byte Paeth(byte a, byte b, byte c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    // The sample of channel c of pixel x, as read (0…2^depth−1), and scaled to 8 bits.
    private int Raw(int x, int c)
    {
        var index = (x * _channels) + c;
        return _bitDepth switch
        {
            16 => (_current[index * 2] << 8) | _current[(index * 2) + 1],
            8 => _current[index],
            _ => (_current[index * _bitDepth / 8] >> (8 - _bitDepth - (index * _bitDepth % 8))) & ((1 << _bitDepth) - 1),
        };
    }

    private byte Eight(int raw) => _bitDepth switch
    {
        16 => (byte)(raw >> 8),
        8 => (byte)raw,
        _ => (byte)(raw * 255 / ((1 << _bitDepth) - 1)),
    };

    private void Pixel(int x, Span<byte> bgra)
    {
        byte r, g, b, a = 255;
        switch (_colorType)
        {
            case 3:
                _palette.AsSpan(Raw(x, 0) * 4, 4).CopyTo(bgra);
                Premultiply(bgra);
                return;
            case 0 or 4:
                r = g = b = Eight(Raw(x, 0));
                if (_colorType == 4)
                {
                    a = Eight(Raw(x, 1));
                }
                else if (_transparent is not null && Raw(x, 0) == _transparent[0])
                {
                    a = 0;
                }

                break;
            default:
                r = Eight(Raw(x, 0));
                g = Eight(Raw(x, 1));
                b = Eight(Raw(x, 2));
                if (_colorType == 6)
                {
                    a = Eight(Raw(x, 3));
                }
                else if (_transparent is not null && Raw(x, 0) == _transparent[0] && Raw(x, 1) == _transparent[1] && Raw(x, 2) == _transparent[2])
                {
                    a = 0;
                }

                break;
        }

        bgra[0] = b;
        bgra[1] = g;
        bgra[2] = r;
        bgra[3] = a;
        Premultiply(bgra);
    }

    private static void Premultiply(Span<byte> bgra)
    {
        var a = bgra[3];
        if (a == 255)
        {
            return;
        }

        // Rounded as Skia rounds, so a row reads the same here as through SKCodec.
        bgra[0] = (byte)(((bgra[0] * a) + 127) / 255);
        bgra[1] = (byte)(((bgra[1] * a) + 127) / 255);
        bgra[2] = (byte)(((bgra[2] * a) + 127) / 255);
    }

    private readonly record struct Header(int Width, int Height, byte BitDepth, byte ColorType, byte Interlace);

    /// <summary>The IDAT chunks' data read as one stream, without copying them together.</summary>
    private sealed class ChunkStream(byte[] png, List<(int Offset, int Length)> chunks) : Stream
    {
        private int _chunk;
        private int _within;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_chunk < chunks.Count && _within == chunks[_chunk].Length)
            {
                _chunk++;
                _within = 0;
            }

            if (_chunk == chunks.Count)
            {
                return 0;
            }

            var (start, length) = chunks[_chunk];
            var n = Math.Min(buffer.Length, length - _within);
            png.AsSpan(start + _within, n).CopyTo(buffer);
            _within += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
