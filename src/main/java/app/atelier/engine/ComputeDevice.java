package app.atelier.engine;

/** Where the optimisation runs. AUTO takes a GPU when the engine reports one, else the CPU. */
public enum ComputeDevice { AUTO, CPU, GPU }
