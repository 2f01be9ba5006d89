using Inventory.Cloud;

var app = CloudApp.Build(args);
await app.RunAsync();
