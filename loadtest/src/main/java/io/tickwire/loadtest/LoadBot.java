package io.tickwire.loadtest;

/**
 * One simulated client as {@link ScenarioRunner} drives it: started once, told to stop sending at the end of
 * the duration, then closed. Implementations run their work on their manager's event loop; every method here
 * may be called from any thread.
 */
interface LoadBot {
    /** Connects and starts the scenario's traffic. */
    void start();

    /** Stops sending; what is in flight still arrives and is measured. */
    void stopSending();

    /** Closes the connection (after {@link #stopSending()}). */
    void close();

    /** Engine.IO bytes this bot sent, over every connection it had. */
    long bytesSent();

    /** Engine.IO bytes this bot received, over every connection it had. */
    long bytesReceived();
}
