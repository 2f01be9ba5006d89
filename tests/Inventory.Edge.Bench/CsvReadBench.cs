using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using Inventory.Edge.Features.Catalog.Csv;

namespace Inventory.Edge.Bench;

/// <summary>
/// The catalog importer's own RFC 4180 reader against CsvHelper's reader (the yardstick, referenced by this
/// project only) on the same generated product file: wall time, bytes allocated, and the managed heap's peak
/// above its level before the read. Both read raw records of strings, the level the importer works at (it
/// converts and validates cells itself, to report each problem with its row and column).
/// </summary>
internal static class CsvReadBench
{
    private const int HeapSampleEvery = 1000;

    private sealed record Run(string Reader, double Seconds, long Records, long Fields, long Allocated, long PeakHeapGrowth);

    public static Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var rows = args.Int("rows", 200_000, 1, 10_000_000);
        var runs = args.Int("runs", 3, 1, 100);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var keep = args.Flag("keep");
        args.RejectUnknown();

        Console.WriteLine("csv-read: the importer's own CSV reader against CsvHelper's reader, same file, raw records");
        Console.WriteLine();
        Machine.Print(dataDir: null);

        var path = Path.Combine(Path.GetTempPath(), $"inventory-csv-bench-{Guid.NewGuid():N}.csv");
        try
        {
            var writing = Stopwatch.StartNew();
            WriteCatalog(path, rows, seed);
            Console.WriteLine($"Wrote {rows:N0} product rows ({new FileInfo(path).Length / 1_048_576.0:0.0} MB, UTF-8, quoted cells with commas, " +
                $"doubled quotes and line breaks) in {writing.Elapsed.TotalSeconds:0.0} s: {path}");
            Console.WriteLine($"Runs: {runs} per reader, alternating, after one untimed warm-up each");
            Console.WriteLine();

            ReadOwn(path);
            ReadCsvHelper(path);
            var results = new List<Run>();
            for (var i = 0; i < runs; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(Measure("own (CsvRecordReader)", sample => ReadOwn(path, sample)));
                results.Add(Measure("CsvHelper (CsvReader)", sample => ReadCsvHelper(path, sample)));
            }

            Report(results);
            Machine.PrintLoadAtEnd();
            return Task.FromResult(Agree(results) ? 0 : 1);
        }
        finally
        {
            if (!keep)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The importer's columns, with the awkward cells a spreadsheet export holds.</summary>
    private static void WriteCatalog(string path, int rows, int seed)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.Write("sku,name,description,category,cost_price,selling_price,reorder_point,reorder_quantity,unit,barcodes,attributes\r\n");
        var random = new Random(seed);
        var line = new StringBuilder();
        foreach (var product in Catalog.Generate(rows, seed))
        {
            var cost = random.Next(50, 50_000) / 100m;
            var description = random.Next(4) switch
            {
                0 => "",
                1 => $"{product.Name}, for trade and home use",
                2 => $"The \"{product.Name.Split(' ')[0]}\" range\nSee the data sheet",
                _ => "Sold singly",
            };
            string?[] cells =
            [
                product.Sku, product.Name, description, product.Name.Split(' ')[^2],
                cost.ToString(CultureInfo.InvariantCulture), (cost * 2.2m).ToString("0.00", CultureInfo.InvariantCulture),
                random.Next(0, 50).ToString(CultureInfo.InvariantCulture), random.Next(10, 200).ToString(CultureInfo.InvariantCulture),
                "each", product.Barcode, $"{{\"colour\":\"{(random.Next(2) == 0 ? "Blue" : "Black")}\",\"pack\":{random.Next(1, 12)}}}",
            ];
            line.Clear();
            for (var c = 0; c < cells.Length; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                CsvCells.Append(line, cells[c]);
            }

            writer.Write(line.Append("\r\n"));
        }
    }

    private static (long Records, long Fields) ReadOwn(string path, Action? sample = null)
    {
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var reader = new CsvRecordReader(text);
        var fields = new List<string>();
        long records = 0, count = 0;
        while (reader.TryReadRecord(fields))
        {
            count += fields.Count;
            if (++records % HeapSampleEvery == 0)
            {
                sample?.Invoke();
            }
        }

        return (records, count);
    }

    private static (long Records, long Fields) ReadCsvHelper(string path, Action? sample = null)
    {
        // As the importer needs: the header read as a record like any other, and each record's line for its errors.
        var options = CsvReaderOptions.Default with { HasHeader = false, TrackLineNumbers = true };
        using var stream = File.OpenRead(path);
        using var reader = CsvReader.Create(stream, options, leaveOpen: false);
        long records = 0, count = 0, lines = 0;
        while (reader.Read())
        {
            lines += reader.LineNumber;

            // Every cell as a string, as the own reader hands them over.
            for (var i = 0; i < reader.FieldCount; i++)
            {
                count += reader.GetString(i) is null ? 0 : 1;
            }

            if (++records % HeapSampleEvery == 0)
            {
                sample?.Invoke();
            }
        }

        return lines > 0 ? (records, count) : (0, 0);
    }

    private static Run Measure(string name, Func<Action, (long Records, long Fields)> read)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: false);
        var peak = baseline;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var (records, fields) = read(() => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false)));
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Run(name, watch.Elapsed.TotalSeconds, records, fields, allocated, peak - baseline);
    }

    private static void Report(List<Run> results)
    {
        var table = new Table("reader", "records", "fields", "best s", "median s", "records/s (best)", "allocated MB", "peak heap growth MB");
        foreach (var group in results.GroupBy(r => r.Reader))
        {
            var seconds = group.Select(r => r.Seconds).Order().ToArray();
            var first = group.First();
            table.Add(group.Key, Machine.Int(first.Records), Machine.Int(first.Fields), seconds[0].ToString("0.000", CultureInfo.InvariantCulture),
                seconds[seconds.Length / 2].ToString("0.000", CultureInfo.InvariantCulture),
                Machine.Int((long)(first.Records / seconds[0])),
                (group.Average(r => r.Allocated) / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture),
                (group.Max(r => r.PeakHeapGrowth) / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture));
        }

        Console.Write(table);
        var medians = results.GroupBy(r => r.Reader).Select(g => g.Select(r => r.Seconds).Order().ElementAt(g.Count() / 2)).ToArray();
        Console.WriteLine();
        Console.WriteLine($"Median time, CsvHelper / own: {medians[1] / medians[0]:0.00}x (above 1: the own reader is faster)");
    }

    /// <summary>Both readers must see the same file the same way, or the timing compares different work.</summary>
    private static bool Agree(List<Run> results)
    {
        var distinct = results.Select(r => (r.Records, r.Fields)).Distinct().Count();
        if (distinct != 1)
        {
            Console.WriteLine("The readers disagree on the number of records or fields: the comparison is void.");
        }

        return distinct == 1;
    }
}
