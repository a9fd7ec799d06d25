# The assistant's server (and its command line, for the one-off index build) in one image, for docs/deploy.md.
# Not built by the project's tests or CI: the build machines have no Docker.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/KeHoach57.Server/KeHoach57.Server.csproj -c Release -o /out/server \
 && dotnet publish src/KeHoach57.Cli/KeHoach57.Cli.csproj -c Release -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Uploaded scans and photographed pages are read by tesseract (Import:OcrLanguage vie+eng) after pdftoppm renders
# them: without these the server refuses a scan with 503 MissingTool, while PDFs with a text layer and .docx import.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The code finds corpus/ and appsettings.json beside the solution file (RepositoryPaths), so /app is laid out
# like a checkout: the solution file, appsettings.json and corpus/ here, the published programs under bin/ and cli/.
COPY --from=build /src/KeHoach57.Assistant.sln /src/appsettings.json ./
COPY --from=build /src/corpus ./corpus
COPY --from=build /out/server ./bin
COPY --from=build /out/cli ./cli
# data/: each replica's own state (index status, corpus snapshot); zalo/: the Zalo token pair (docs/deploy.md).
RUN mkdir -p /app/data /app/zalo && chown app:app /app/data /app/zalo
USER app
ENV ASPNETCORE_URLS=http://+:5057
EXPOSE 5057
# bin/ is the content root (the server's appsettings.json and wwwroot/); /app stays the working folder.
ENTRYPOINT ["dotnet", "/app/bin/KeHoach57.Server.dll", "--contentRoot", "/app/bin"]
