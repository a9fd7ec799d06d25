using KeHoach57.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddAssistantConfiguration(args, builder.Environment.EnvironmentName);
builder.Services.AddAssistant(builder.Configuration);
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.Run();

public partial class Program;
