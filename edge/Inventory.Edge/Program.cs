using Inventory.Edge;
using Inventory.Edge.Features.Integrity;

var app = EdgeApp.Build(args);

// `check-integrity` runs the ledger check once against the configured database and exits 0 (clean) or 1.
if (args.Contains("check-integrity", StringComparer.Ordinal))
{
    return await IntegrityCommand.RunAsync(app.Services);
}

await app.RunAsync();
return 0;
