package com.rostra.simulator;

/**
 * Runs the simulator on its own: {@code java -cp rostra.jar -Dloader.main=com.rostra.simulator.SimulatorMain
 * org.springframework.boot.loader.launch.PropertiesLauncher [port] [seed] [contactsPerDay] [phonePatienceSeconds]}.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        double perDay = args.length > 2 ? Double.parseDouble(args[2]) : 800;
        double patience = args.length > 3 ? Double.parseDouble(args[3]) : SimulatorConfig.DEFAULT_PHONE_PATIENCE_SECONDS;
        GladlySimulator simulator = new GladlySimulator(SimulatorConfig.defaults(seed).withContactsPerDay(perDay)
                .withPhonePatienceSeconds(patience)).start(port);
        System.out.printf("Gladly simulator for organization '%s' at %s%n  user %s%n  token %s%n",
                simulator.config().organization(), simulator.baseUrl(), simulator.config().apiUserEmail(),
                simulator.config().apiToken());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
