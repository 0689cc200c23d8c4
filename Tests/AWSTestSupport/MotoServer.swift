// Starts moto_server for tests.
