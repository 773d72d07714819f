import ArgumentParser
import AtlasServe
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the clinic's web intake: patients draw on a tablet, clinicians see the comparison.",
        discussion: """
            Patients draw at http://HOST:PORT/ (no names: an intake code); clinicians sign in at /clinic with \
            the clinician token; the API is described at /openapi.yaml. Data lives in an SQLite database in --data. \
            The token comes from \(ServeConfiguration.tokenVariable), or is made on the first start (or with --init), \
            printed once and stored hashed.
            Bind to anything but localhost only behind an HTTPS reverse proxy (see the README).
            Example: referral-atlas serve --port 8080 --data ./intake
            """)

    @OptionGroup var atlasOptions: AtlasOptions

    @Option(help: "Address to listen on (0.0.0.0 for every interface: only behind HTTPS).")
    var host = ServeConfiguration.defaultHost

    @Option(help: "Port to listen on.")
    var port = ServeConfiguration.defaultPort

    @Option(help: "Folder for the database (created if missing).")
    var data = ServeConfiguration.defaultDataDirectory

    @Flag(name: .customLong("init"), help: "Make a new clinician token (printed once) and end every session.")
    var createToken = false

    func run() async throws {
        let configuration = ServeConfiguration(host: host, port: port, dataDirectory: data, createToken: createToken,
                                               environmentToken: ProcessInfo.processInfo.environment[ServeConfiguration.tokenVariable])
        let server: IntakeServer
        do {
            let atlas = try atlasOptions.load()
            server = try await IntakeServer(configuration: configuration, atlas: atlas)
        } catch let error as ServeError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        try await server.run()
    }
}
