using System.Text;

namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>
/// Checks a whole file is UTF-8 before any row is imported: a Latin-1 or UTF-16 file found bad at row
/// 40,000 would otherwise leave the first 39,999 rows imported with mangled accents.
/// </summary>
public static class Utf8FileCheck
{
    /// <summary>Decodes and throws on the first invalid byte; a BOM is a valid UTF-8 sequence.</summary>
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>Null when the file is valid UTF-8, else a message naming the line of the first bad byte.</summary>
    public static async Task<string?> FindProblemAsync(string path, CancellationToken cancellationToken)
    {
        var decoder = Strict.GetDecoder();
        var buffer = new byte[128 * 1024];
        var line = 1;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            try
            {
                decoder.GetCharCount(buffer, 0, read, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                var at = Math.Clamp(e.Index, 0, read);
                return NotUtf8(line + buffer.AsSpan(0, at).Count((byte)'\n'));
            }

            line += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        try
        {
            decoder.GetCharCount([], 0, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return NotUtf8(line);
        }

        return null;
    }

    private static string NotUtf8(int line) =>
        $"The file is not UTF-8 (first invalid byte on line {line}). Save it as \"CSV UTF-8\" and upload it again; nothing was imported.";
}
