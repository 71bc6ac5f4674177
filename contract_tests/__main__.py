from contract_tests.cli import main

if __name__ == "__main__":
    main()
