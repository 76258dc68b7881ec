# syntax=docker/dockerfile:1
# Multi-stage: build with the SDK, run on the ASP.NET runtime (the sandbox marketplace is a minimal API) as a
# non-root user. Data (the LiteDB file and the pepper key) lives on a volume; keep the pepper somewhere safe.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props UzumBot.sln appsettings.json .editorconfig ./
COPY UzumBot/UzumBot.csproj UzumBot/
RUN dotnet restore UzumBot/UzumBot.csproj
COPY UzumBot/ UzumBot/
RUN dotnet publish UzumBot/UzumBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown app:app /data
ENV Storage__Path=/data/uzumbot.db \
    Security__PepperPath=/data/pepper.key \
    Security__ServerKeyPath=/data/server.key \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME ["/data"]
USER app
ENTRYPOINT ["dotnet", "UzumBot.dll"]
