using System.Text;

namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>
/// A streaming RFC 4180 reader: comma separated, double-quoted values that may hold commas, quotes ("")
/// and line breaks; CRLF, LF or CR ends a record. It never holds more than one record, so a file of any
/// size reads in constant memory. It is lenient where spreadsheets are sloppy (a stray quote inside an
/// unquoted value is kept as text) but says so in <see cref="Malformed"/>, so the row can be refused
/// instead of being imported with shifted columns.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;

    /// <summary>The 1-based line of the file on which the last record read starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Why the last record is not well-formed CSV, or null when it is.</summary>
    public string? Malformed { get; private set; }

    public bool TryReadRecord(List<string> fields)
    {
        fields.Clear();
        Malformed = null;
        if (!HasData())
        {
            return false;
        }

        RecordLine = _line;
        _field.Clear();
        var inQuotes = false;
        var wasQuoted = false;
        while (true)
        {
            if (!HasData())
            {
                if (inQuotes)
                {
                    Malformed = "A quoted value is not closed before the end of the file.";
                }

                fields.Add(_field.ToString());
                return true;
            }

            var c = _buffer[_position++];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (HasData() && _buffer[_position] == '"')
                    {
                        _field.Append('"');
                        _position++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    CountLineBreak(c);
                    _field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                case '\n':
                    CountLineBreak(c);
                    if (c == '\r' && HasData() && _buffer[_position] == '\n')
                    {
                        _position++;
                    }

                    fields.Add(_field.ToString());
                    return true;
                case '"' when _field.Length == 0 && !wasQuoted:
                    inQuotes = true;
                    wasQuoted = true;
                    break;
                default:
                    if (wasQuoted || c == '"')
                    {
                        Malformed ??= "A quote is misplaced: quote the whole value and double any quote inside it (\"\").";
                    }

                    _field.Append(c);
                    break;
            }
        }
    }

    /// <summary>A CR followed by LF is one line break, counted at the LF.</summary>
    private void CountLineBreak(char c)
    {
        if (c == '\n' || (c == '\r' && !(HasData() && _buffer[_position] == '\n')))
        {
            _line++;
        }
    }

    private bool HasData()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
