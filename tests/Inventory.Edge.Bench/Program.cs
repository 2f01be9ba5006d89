Console.WriteLine("Inventory edge benchmarks: not written yet.");
